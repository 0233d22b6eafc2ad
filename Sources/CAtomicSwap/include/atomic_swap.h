#ifndef RECTIFY_ATOMIC_SWAP_H
#define RECTIFY_ATOMIC_SWAP_H

/// Atomically exchanges two paths (Linux renameat2 with RENAME_EXCHANGE).
/// Returns 0 on success, or -1 with errno set (EINVAL/ENOSYS where unsupported).
int rectify_rename_exchange(const char *from, const char *to);

#endif
