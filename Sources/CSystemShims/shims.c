// Swift's Glibc module does not expose renameat2, which needs _GNU_SOURCE.
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include "CSystemShims.h"

#if defined(__linux__)
#include <linux/fs.h>
#ifndef RENAME_EXCHANGE
#define RENAME_EXCHANGE (1 << 1)
#endif
int zhibu_exchange_paths(const char *first, const char *second) {
    return renameat2(AT_FDCWD, first, AT_FDCWD, second, RENAME_EXCHANGE);
}
#elif defined(__APPLE__)
// renamex_np and RENAME_SWAP are declared in <stdio.h> (macOS 10.12 and later). Relative paths
// resolve against the working directory, as AT_FDCWD makes them do on Linux.
int zhibu_exchange_paths(const char *first, const char *second) {
    return renamex_np(first, second, RENAME_SWAP);
}
#else
int zhibu_exchange_paths(const char *first, const char *second) {
    (void)first;
    (void)second;
    errno = ENOSYS;
    return -1;
}
#endif

int zhibu_look_only_flag(void) {
#if defined(O_PATH)
    return O_PATH;
#else
    return O_RDONLY;
#endif
}
