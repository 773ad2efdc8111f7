//! How the worker reads files: in slices of bounded size, several reads ahead (the browser
//! serves each read in its own process, so reads in flight hide that latency), fed to the
//! [`Importer`](super::Importer) strictly in order. Files may be added while slices are taken
//! (they arrive from the page in batches). Pure: the browser glue only turns each [`Slice`]
//! into a read.

use std::collections::VecDeque;

/// A part of one file to read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Slice {
    /// Index of the file in the list.
    pub file: usize,
    pub start: u64,
    pub end: u64,
    /// The file's first slice: begin the file before feeding it.
    pub first: bool,
    /// The file's last slice: end the file after feeding it.
    pub last: bool,
}

/// The slices of files added one after the other, in order, each at most `max` bytes. An
/// empty file has one empty slice, so that it is begun and ended (and reported as empty).
#[derive(Debug)]
pub struct Slicer {
    max: u64,
    /// Files not yet sliced to the end: index, size.
    files: VecDeque<(usize, u64)>,
    added: usize,
    /// Where the front file's next slice starts.
    at: u64,
}

impl Slicer {
    /// A slicer cutting slices of at most `max` bytes (at least 1).
    pub fn new(max: u64) -> Self {
        Slicer {
            max: max.max(1),
            files: VecDeque::new(),
            added: 0,
            at: 0,
        }
    }

    /// Adds a file of `size` bytes after those already added; returns its index.
    pub fn add(&mut self, size: u64) -> usize {
        let ix = self.added;
        self.files.push_back((ix, size));
        self.added += 1;
        ix
    }
}

impl Iterator for Slicer {
    type Item = Slice;

    fn next(&mut self) -> Option<Slice> {
        let &(file, size) = self.files.front()?;
        let start = self.at;
        let end = start.saturating_add(self.max).min(size);
        let last = end >= size;
        if last {
            self.files.pop_front();
            self.at = 0;
        } else {
            self.at = end;
        }
        Some(Slice {
            file,
            start,
            end,
            first: start == 0,
            last,
        })
    }
}

/// The slices of files of the given sizes (see [`Slicer`]).
#[cfg(test)]
pub fn slices(sizes: &[u64], max: u64) -> Slicer {
    let mut slicer = Slicer::new(max);
    for &s in sizes {
        slicer.add(s);
    }
    slicer
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slices_cover_each_file_in_order() {
        let s: Vec<Slice> = slices(&[10, 0, 4, 5], 4).collect();
        let want = [
            (0, 0, 4, true, false),
            (0, 4, 8, false, false),
            (0, 8, 10, false, true),
            (1, 0, 0, true, true),
            (2, 0, 4, true, true),
            (3, 0, 4, true, false),
            (3, 4, 5, false, true),
        ];
        let got: Vec<_> = s
            .iter()
            .map(|s| (s.file, s.start, s.end, s.first, s.last))
            .collect();
        assert_eq!(got, want);
        assert_eq!(slices(&[], 4).count(), 0);
        // a zero maximum is taken as 1, not an endless loop
        assert_eq!(slices(&[3], 0).count(), 3);
    }

    #[test]
    fn files_added_while_slicing_come_after() {
        let mut slicer = Slicer::new(4);
        assert_eq!(slicer.next(), None);
        assert_eq!(slicer.add(6), 0);
        let a = slicer.next();
        assert_eq!(
            a.map(|s| (s.file, s.start, s.end, s.last)),
            Some((0, 0, 4, false))
        );
        assert_eq!(slicer.add(2), 1);
        let rest: Vec<_> = slicer.by_ref().map(|s| (s.file, s.start, s.end)).collect();
        assert_eq!(rest, vec![(0, 4, 6), (1, 0, 2)]);
        assert_eq!(slicer.next(), None);
        assert_eq!(slicer.add(0), 2);
        assert_eq!(
            slicer.next(),
            Some(Slice {
                file: 2,
                start: 0,
                end: 0,
                first: true,
                last: true
            })
        );
    }
}
