#ifndef ZHIBU_CSYSTEMSHIMS_H
#define ZHIBU_CSYSTEMSHIMS_H

/// Atomically exchanges two paths on the same file system (Linux renameat2 RENAME_EXCHANGE,
/// macOS renamex_np RENAME_SWAP).
/// Returns 0 on success, -1 with errno set otherwise (ENOSYS/EINVAL where unsupported).
int zhibu_exchange_paths(const char *first, const char *second);

#endif
