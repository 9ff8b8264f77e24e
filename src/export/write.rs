//! Writing patient files: atomically (a temporary file, fsync, then a link or
//! rename into place), readable by the owner only, and never silently over
//! an existing file.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::os::unix::fs::{OpenOptionsExt, PermissionsExt};
use std::path::{Path, PathBuf};

#[derive(Debug, thiserror::Error)]
pub enum WriteError {
    #[error("{0}: already exists (use --force to replace it)")]
    Exists(PathBuf),
    #[error("{0}: {1}")]
    Io(PathBuf, io::Error),
}

/// Writes `bytes` to `path` with mode 0600. With `replace` false an existing
/// file is an error; either way a reader sees the old file or the whole new
/// one, never part of it.
pub fn write_private(path: &Path, bytes: &[u8], replace: bool) -> Result<(), WriteError> {
    let io = |e| WriteError::Io(path.to_path_buf(), e);
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let name = path
        .file_name()
        .ok_or_else(|| io(io::Error::other("not a file name")))?;
    let tmp = dir.join(format!(
        ".{}.{}.tmp",
        name.to_string_lossy(),
        std::process::id()
    ));
    let result = (|| {
        let mut f = OpenOptions::new()
            .write(true)
            .create_new(true)
            .mode(0o600)
            .open(&tmp)?;
        f.write_all(bytes)?;
        f.sync_all()?;
        Ok(())
    })();
    if let Err(e) = result {
        let _ = fs::remove_file(&tmp);
        return Err(io(e));
    }
    let placed = if replace {
        fs::rename(&tmp, path)
    } else {
        // A hard link fails if the name exists, so nothing is replaced by accident.
        let linked = fs::hard_link(&tmp, path);
        let _ = fs::remove_file(&tmp);
        linked
    };
    match placed {
        Ok(()) => {}
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {
            let _ = fs::remove_file(&tmp);
            return Err(WriteError::Exists(path.to_path_buf()));
        }
        Err(e) => {
            let _ = fs::remove_file(&tmp);
            return Err(io(e));
        }
    }
    // The new name itself must survive a power cut.
    File::open(&dir).and_then(|d| d.sync_all()).map_err(io)
}

/// Creates a directory for patient files, readable by the owner only.
pub fn private_dir(dir: &Path) -> Result<(), WriteError> {
    let io = |e| WriteError::Io(dir.to_path_buf(), e);
    fs::create_dir_all(dir).map_err(io)?;
    fs::set_permissions(dir, fs::Permissions::from_mode(0o700)).map_err(io)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::os::unix::fs::MetadataExt;

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
