//! Writing patient files: atomically (a temporary file, fsync, then a link or
//! rename into place), readable by the owner only, and never silently over
//! an existing file.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::os::unix::fs::{MetadataExt, OpenOptionsExt, PermissionsExt};
use std::path::{Path, PathBuf};

#[derive(Debug, thiserror::Error)]
pub enum WriteError {
    #[error("{0}: already exists (use --force to replace it)")]
    Exists(PathBuf),
    #[error("{0}: {1}")]
    Io(PathBuf, io::Error),
}

/// Keeps the kind (a full disk stays `StorageFull`) so callers can say what
/// happened in plain words.
impl From<WriteError> for io::Error {
    fn from(e: WriteError) -> io::Error {
        let kind = match &e {
            WriteError::Exists(_) => io::ErrorKind::AlreadyExists,
            WriteError::Io(_, inner) => inner.kind(),
        };
        io::Error::new(kind, e.to_string())
    }
}

/// Writes `bytes` to `path` with mode 0600. With `replace` false an existing
/// file is an error; either way a reader sees the old file or the whole new
/// one, never part of it.
pub fn write_private(path: &Path, bytes: &[u8], replace: bool) -> Result<(), WriteError> {
    let io = |e| WriteError::Io(path.to_path_buf(), e);
    let dir = parent(path);
    let (mut file, tmp) = temp_beside(path).map_err(io)?;
    if let Err(e) = file.write_all(bytes).and_then(|()| file.sync_all()) {
        let _ = fs::remove_file(&tmp);
        return Err(io(e));
    }
    let placed = if replace {
        // rename replaces whatever has the name, a symlink too, never its target.
        fs::rename(&tmp, path)
    } else {
        // A hard link fails if the name exists, so nothing is replaced by accident.
        fs::hard_link(&tmp, path)
    };
    let _ = fs::remove_file(&tmp);
    match placed {
        Ok(()) => sync_dir(&dir).map_err(io),
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {
            Err(WriteError::Exists(path.to_path_buf()))
        }
        Err(e) => Err(io(e)),
    }
}

/// Replaces `path` with a new private file holding `bytes`, written beside it
/// and renamed over it once on disk, and returns the new file open for
/// writing: the old file is never emptied first.
pub fn replace_private(path: &Path, bytes: &[u8]) -> io::Result<File> {
    let (mut file, tmp) = temp_beside(path)?;
    let placed = file
        .write_all(bytes)
        .and_then(|()| file.sync_all())
        .and_then(|()| fs::rename(&tmp, path));
    if let Err(e) = placed {
        let _ = fs::remove_file(&tmp);
        return Err(e);
    }
    sync_dir(&parent(path))?;
    Ok(file)
}

/// Opens (creating if needed) a private file in a state directory, refusing
/// a symlink in its place.
pub fn open_private(path: &Path) -> io::Result<File> {
    OpenOptions::new()
        .write(true)
        .create(true)
        .truncate(false)
        .mode(0o600)
        .custom_flags(libc::O_NOFOLLOW)
        .open(path)
}

fn parent(path: &Path) -> PathBuf {
    match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// A new, empty 0600 file in `path`'s directory: created exclusively and
/// never through a symlink, so nothing planted there is written to.
fn temp_beside(path: &Path) -> io::Result<(File, PathBuf)> {
    let name = path
        .file_name()
        .ok_or_else(|| io::Error::new(io::ErrorKind::InvalidInput, "not a file name"))?;
    let dir = parent(path);
    for n in 0u32.. {
        let tmp = dir.join(format!(
            ".{}.{}.{n}.tmp",
            name.to_string_lossy(),
            std::process::id()
        ));
        let opened = OpenOptions::new()
            .write(true)
            .create_new(true)
            .mode(0o600)
            .custom_flags(libc::O_NOFOLLOW)
            .open(&tmp);
        match opened {
            // Left by a crash of an earlier process with the same id.
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists && n < 100 => continue,
            other => return other.map(|f| (f, tmp)),
        }
    }
    unreachable!("the loop returns by its 100th name")
}

/// The new name itself must survive a power cut.
fn sync_dir(dir: &Path) -> io::Result<()> {
    File::open(dir)?.sync_all()
}

/// Creates a directory for patient files, readable by the owner only. A
/// directory that is a symlink, or someone else's, is refused: the files in
/// it would not be private.
pub fn private_dir(dir: &Path) -> Result<(), WriteError> {
    let io = |e| WriteError::Io(dir.to_path_buf(), e);
    let refuse = |kind, why: &str| Err(io(io::Error::new(kind, why)));
    fs::create_dir_all(dir).map_err(io)?;
    let meta = fs::symlink_metadata(dir).map_err(io)?;
    if meta.file_type().is_symlink() {
        return refuse(
            io::ErrorKind::InvalidInput,
            "a symbolic link; give the real directory",
        );
    }
    if !meta.is_dir() {
        return refuse(io::ErrorKind::NotADirectory, "not a directory");
    }
    // SAFETY: geteuid has no preconditions and cannot fail.
    if meta.uid() != unsafe { libc::geteuid() } {
        return refuse(io::ErrorKind::PermissionDenied, "owned by another user");
    }
    if meta.mode() & 0o777 != 0o700 {
        fs::set_permissions(dir, fs::Permissions::from_mode(0o700)).map_err(io)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn temp_dir(name: &str) -> PathBuf {
        let d = std::env::temp_dir().join(format!("intake-write-{name}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&d);
        fs::create_dir_all(&d).unwrap();
        d
    }

    #[test]
    fn writes_owner_only_and_leaves_no_temporary_file() {
        let d = temp_dir("mode");
        let p = d.join("summary.md");
        write_private(&p, b"hello", false).unwrap();
        assert_eq!(fs::read(&p).unwrap(), b"hello");
        assert_eq!(fs::metadata(&p).unwrap().mode() & 0o777, 0o600);
        assert_eq!(
            fs::read_dir(&d).unwrap().count(),
            1,
            "no temporary file left"
        );
        fs::remove_dir_all(d).unwrap();
    }

    #[test]
    fn never_replaces_an_existing_file_unless_told() {
        let d = temp_dir("exists");
        let p = d.join("summary.md");
        write_private(&p, b"first", false).unwrap();
        assert!(matches!(
            write_private(&p, b"second", false),
            Err(WriteError::Exists(_))
        ));
        assert_eq!(fs::read(&p).unwrap(), b"first");
        write_private(&p, b"second", true).unwrap();
        assert_eq!(fs::read(&p).unwrap(), b"second");
        assert_eq!(fs::metadata(&p).unwrap().mode() & 0o777, 0o600);
        assert_eq!(fs::read_dir(&d).unwrap().count(), 1);
        fs::remove_dir_all(d).unwrap();
    }

    #[test]
    fn a_private_directory_is_0700() {
        let d = temp_dir("dir").join("exports");
        private_dir(&d).unwrap();
        assert_eq!(fs::metadata(&d).unwrap().mode() & 0o777, 0o700);
        fs::remove_dir_all(d.parent().unwrap()).unwrap();
    }
}
