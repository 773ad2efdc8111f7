//! Facts: what Anthropic's help article « Utiliser Claude Code avec votre plan Pro ou Max » (the
//! French edition of "Using Claude Code with your Pro or Max plan") says, as data. Every figure
//! of the article is here, each with where it is said: a [`Section`] (the article's heading) and
//! a translated quote (`fact.<id>.quote`; the French text is the article's own sentence). Shown
//! in the page as **official**. `docs/model.md` ("Facts") gives the article's title, address and
//! what it says, in full.

use super::Plan;

/// When the facts below were last checked against the article. The article itself is undated: it
/// names Opus 4.5 (released 2025-11-24), so it was written after that, and it gives its limits
/// under « Limites d'utilisation pour les modèles plus anciens » (Sonnet 4, Opus 4). The page
/// says both (`facts.summary`, `fact.as_of`).
pub const FACTS_CHECKED: &str = "2026-12-02";

/// One plan's figures, as the article gives them (ranges are (low, high)).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PlanFacts {
    /// « 20 $/mois », « 100 $/mois », « 200 $/mois ».
    pub price_usd: f64,
    /// Usage relative to Pro: « 5x l'utilisation Pro », « 20x l'utilisation Pro » (Pro: 1).
    pub multiple: f64,
    /// « environ 45 / 225 / 900 messages avec Claude toutes les cinq heures ».
    pub messages_5h: f64,
    /// « environ 10-40 / 50-200 / 200-800 invites avec Claude Code toutes les cinq heures ».
    pub prompts_5h: (f64, f64),
    /// « 40-80 / 140-280 / 240-480 heures de Sonnet 4 » per week.
    pub sonnet_week_hours: (f64, f64),
    /// « 15-35 / 24-40 heures d'Opus 4 » per week (Max only; the article gives none for Pro).
    pub opus_week_hours: Option<(f64, f64)>,
}

/// Pro, Max 5x, Max 20x (in [`Plan::ALL`] order).
pub const PLANS: [PlanFacts; 3] = [
    PlanFacts {
        price_usd: 20.0,
        multiple: 1.0,
        messages_5h: 45.0,
        prompts_5h: (10.0, 40.0),
        sonnet_week_hours: (40.0, 80.0),
        opus_week_hours: None,
    },
    PlanFacts {
        price_usd: 100.0,
        multiple: 5.0,
        messages_5h: 225.0,
        prompts_5h: (50.0, 200.0),
        sonnet_week_hours: (140.0, 280.0),
        opus_week_hours: Some((15.0, 35.0)),
    },
    PlanFacts {
        price_usd: 200.0,
        multiple: 20.0,
        messages_5h: 900.0,
        prompts_5h: (200.0, 800.0),
        sonnet_week_hours: (240.0, 480.0),
        opus_week_hours: Some((24.0, 40.0)),
    },
];

impl PlanFacts {
    /// Opus hours per week: the article's figure, or for Pro (none published) an **estimate**:
    /// Pro's Sonnet hours scaled by Max 5x's Opus/Sonnet ratio at each end (15/140, 35/280),
    /// i.e. about 4.3–10 h. Used only under the Opus-hours rule (assumption `or`).
    pub fn opus_week_hours_or_estimate(&self) -> (f64, f64) {
        match self.opus_week_hours {
            Some(r) => r,
            None => {
                let (s5, o5) = (PLANS[1].sonnet_week_hours, (15.0, 35.0));
                (
                    self.sonnet_week_hours.0 * o5.0 / s5.0,
                    self.sonnet_week_hours.1 * o5.1 / s5.1,
                )
            }
        }
    }
}

/// The article's heading a fact is found under.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Section {
    /// The article's opening paragraph, before its first heading.
    Intro,
    /// « Comment connecter Claude Code à votre plan »
    Connect,
    /// « Comment fonctionnent les limites d'utilisation ? »
    HowLimits,
    /// « Plan Pro »
    ProPlan,
    /// « Plan Pro › Limites d'utilisation pour les modèles plus anciens »
    ProLimits,
    /// « Plan Max »
    MaxPlan,
    /// « Plan Max › Limites d'utilisation pour les modèles plus anciens »
    MaxLimits,
    /// « Que se passe-t-il lorsque vous atteignez les limites d'utilisation »
    AtLimit,
    /// « Limites d'utilisation et facturation de Claude Code »
    Billing,
}

impl Section {
    /// Translation key of the heading (French: the article's own heading).
    pub fn key(self) -> &'static str {
        match self {
            Section::Intro => "fact.section.intro",
            Section::Connect => "fact.section.connect",
            Section::HowLimits => "fact.section.how_limits",
            Section::ProPlan => "fact.section.pro",
            Section::ProLimits => "fact.section.pro_limits",
            Section::MaxPlan => "fact.section.max",
            Section::MaxLimits => "fact.section.max_limits",
            Section::AtLimit => "fact.section.at_limit",
            Section::Billing => "fact.section.billing",
        }
    }
}

/// A fact's value.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum FactValue {
    /// USD per month.
    Usd(f64),
    /// Usage relative to Pro ("5×").
    Multiple(f64),
    /// "about N" (messages per five hours).
    About(f64),
    /// "lo–hi" (hours per week: the label says which).
    Range(f64, f64),
    /// "about lo–hi" (prompts per five hours: the article's « environ »).
    AboutRange(f64, f64),
    /// Hours.
    Hours(f64),
    /// "under N lines of code".
    UnderLines(f64),
    /// A statement without a figure: the label is the statement.
    Statement,
}

/// One official fact: translation keys of its label and of its quote, the plan it is about,
/// its value and where the article says it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Fact {
    /// Translation key of the label (`fact.<id>`).
    pub label: &'static str,
    /// Translation key of the quote (`fact.<id>.quote`).
    pub quote: &'static str,
    pub plan: Option<Plan>,
    pub value: FactValue,
    pub section: Section,
}

const fn f(
    label: &'static str,
    quote: &'static str,
    plan: Option<Plan>,
    value: FactValue,
    section: Section,
) -> Fact {
    Fact {
        label,
        quote,
        plan,
        value,
        section,
    }
}

use FactValue::*;
use Section::*;
const PRO: Option<Plan> = Some(Plan::Pro);
const MAX5: Option<Plan> = Some(Plan::Max5);
const MAX20: Option<Plan> = Some(Plan::Max20);

/// Every figure and statement of the article that the page uses or shows.
pub const FACTS: &[Fact] = &[
    f(
        "fact.pro.price",
        "fact.pro.price.quote",
        PRO,
        Usd(20.0),
        Connect,
    ),
    f(
        "fact.max5.price",
        "fact.max5.price.quote",
        MAX5,
        Usd(100.0),
        Connect,
    ),
    f(
        "fact.max20.price",
        "fact.max20.price.quote",
        MAX20,
        Usd(200.0),
        Connect,
    ),
    f(
        "fact.max5.multiple",
        "fact.max5.multiple.quote",
        MAX5,
        Multiple(5.0),
        Connect,
    ),
    f(
        "fact.max20.multiple",
        "fact.max20.multiple.quote",
        MAX20,
        Multiple(20.0),
        Connect,
    ),
    f(
        "fact.window",
        "fact.window.quote",
        None,
        Hours(5.0),
        ProLimits,
    ),
    f("fact.week", "fact.week.quote", None, Statement, ProLimits),
    f(
        "fact.pro.messages",
        "fact.pro.messages.quote",
        PRO,
        About(45.0),
        ProLimits,
    ),
    f(
        "fact.pro.prompts",
        "fact.pro.prompts.quote",
        PRO,
        AboutRange(10.0, 40.0),
        ProLimits,
    ),
    f(
        "fact.pro.sonnet",
        "fact.pro.sonnet.quote",
        PRO,
        Range(40.0, 80.0),
        ProLimits,
    ),
    f(
        "fact.max5.messages",
        "fact.max5.messages.quote",
        MAX5,
        About(225.0),
        MaxLimits,
    ),
    f(
        "fact.max5.prompts",
        "fact.max5.prompts.quote",
        MAX5,
        AboutRange(50.0, 200.0),
        MaxLimits,
    ),
    f(
        "fact.max5.sonnet",
        "fact.max5.sonnet.quote",
        MAX5,
        Range(140.0, 280.0),
        MaxLimits,
    ),
    f(
        "fact.max5.opus",
        "fact.max5.opus.quote",
        MAX5,
        Range(15.0, 35.0),
        MaxLimits,
    ),
    f(
        "fact.max20.messages",
        "fact.max20.messages.quote",
        MAX20,
        About(900.0),
        MaxLimits,
    ),
    f(
        "fact.max20.prompts",
        "fact.max20.prompts.quote",
        MAX20,
        AboutRange(200.0, 800.0),
        MaxLimits,
    ),
    f(
        "fact.max20.sonnet",
        "fact.max20.sonnet.quote",
        MAX20,
        Range(240.0, 480.0),
        MaxLimits,
    ),
    f(
        "fact.max20.opus",
        "fact.max20.opus.quote",
        MAX20,
        Range(24.0, 40.0),
        MaxLimits,
    ),
    f(
        "fact.pro.best",
        "fact.pro.best.quote",
        PRO,
        UnderLines(1_000.0),
        ProPlan,
    ),
    f(
        "fact.max.best",
        "fact.max.best.quote",
        None,
        Statement,
        MaxPlan,
    ),
    f("fact.models", "fact.models.quote", None, Statement, ProPlan),
    f(
        "fact.shared",
        "fact.shared.quote",
        None,
        Statement,
        HowLimits,
    ),
    f(
        "fact.messages_vary",
        "fact.messages_vary.quote",
        None,
        Statement,
        HowLimits,
    ),
    f(
        "fact.individual",
        "fact.individual.quote",
        None,
        Statement,
        Intro,
    ),
    f(
        "fact.warnings",
        "fact.warnings.quote",
        None,
        Statement,
        AtLimit,
    ),
    f(
        "fact.factors",
        "fact.factors.quote",
        None,
        Statement,
        HowLimits,
    ),
    f(
        "fact.heavier_models",
        "fact.heavier_models.quote",
        None,
        Statement,
        HowLimits,
    ),
    f(
        "fact.parallel",
        "fact.parallel.quote",
        None,
        Statement,
        ProLimits,
    ),
    f(
        "fact.older_models",
        "fact.older_models.quote",
        None,
        Statement,
        ProLimits,
    ),
    f(
        "fact.discretion",
        "fact.discretion.quote",
        None,
        Statement,
        MaxPlan,
    ),
    f(
        "fact.upgrade",
        "fact.upgrade.quote",
        None,
        Statement,
        AtLimit,
    ),
    f(
        "fact.extra_usage",
        "fact.extra_usage.quote",
        None,
        Statement,
        AtLimit,
    ),
    f(
        "fact.console",
        "fact.console.quote",
        None,
        Statement,
        AtLimit,
    ),
    f("fact.wait", "fact.wait.quote", None, Statement, AtLimit),
    f(
        "fact.api_rates",
        "fact.api_rates.quote",
        None,
        Statement,
        Billing,
    ),
    f(
        "fact.consent",
        "fact.consent.quote",
        None,
        Statement,
        Billing,
    ),
    f(
        "fact.auto_reload",
        "fact.auto_reload.quote",
        None,
        Statement,
        Billing,
    ),
    f("fact.status", "fact.status.quote", None, Statement, Billing),
    f(
        "fact.decline",
        "fact.decline.quote",
        None,
        Statement,
        Billing,
    ),
    f(
        "fact.api_key",
        "fact.api_key.quote",
        None,
        Statement,
        Connect,
    ),
    f("fact.login", "fact.login.quote", None, Statement, Connect),
];
