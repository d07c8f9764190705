#ifndef ZHIBU_CSYSTEMSHIMS_H
#define ZHIBU_CSYSTEMSHIMS_H

/// Atomically exchanges two paths on the same file system (Linux renameat2 RENAME_EXCHANGE,
/// macOS renamex_np RENAME_SWAP).
/// Returns 0 on success, -1 with errno set otherwise (ENOSYS/EINVAL where unsupported).
int zhibu_exchange_paths(const char *first, const char *second);

/// The flag that opens a folder only to look at it and at the names in it (Linux O_PATH),
/// without the cost of opening it for reading; O_RDONLY where there is no such flag.
int zhibu_look_only_flag(void);

#endif
