/*
 * files.c - reading sources, replacing outputs, paths, directory trees and
 * the cleanup of temporary files on SIGINT/SIGTERM/SIGHUP (see files.h).
 */
#include "files.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/vfs.h>
#include <unistd.h>

#include "util.h"

int read_file(const char *path, size_t limit, char **data, size_t *len)
{
	*data = NULL;
	*len = 0;
	int fd = open(path, O_RDONLY);
	if (fd < 0)
		return -1;
	struct stat st;
	if (fstat(fd, &st) < 0) {
		int e = errno;
		close(fd);
		errno = e;
		return -1;
	}
	if (S_ISDIR(st.st_mode)) {
		close(fd);
		errno = EISDIR;
		return -1;
	}
	buf b = {0};
	buf_grow(&b, st.st_size > 0 && (size_t)st.st_size <= limit
	                 ? (size_t)st.st_size
	                 : 4096);
	for (;;) {
		buf_grow(&b, 4096);
		ssize_t r = read(fd, b.data + b.len, b.cap - b.len - 1);
		if (r < 0) {
			if (errno == EINTR)
				continue;
			int e = errno;
			close(fd);
			buf_free(&b);
			errno = e;
			return -1;
		}
		if (r == 0)
			break;
		b.len += (size_t)r;
		if (b.len > limit) {
			close(fd);
			buf_free(&b);
			return -2;
		}
	}
	close(fd);
	b.data[b.len] = '\0';
	*len = b.len;
	*data = b.data;
	return 0;
}

/* ---- where an output goes ---- */

/* The explanation of output_target's last refusal, and the errno it set:
 * reset at every call, so that a later failure of another kind is never
 * explained with it. */
static char refusal[512];
static int refusal_errno;

const char *output_strerror(int err)
{
	if (refusal_errno && err == refusal_errno)
		return refusal;
	return strerror(err);
}

/* The kernel's protected_symlinks rule: in a directory that is sticky and
 * writable by everyone, a link is followed only by its owner, or when the
 * directory's owner owns the link too. Anyone could have planted any
 * other link there. */
static bool link_trusted(const char *link, const struct stat *lst)
{
	char *dir = path_dir(link);
	struct stat dst;
	bool ok = stat(dir, &dst) != 0 || !(dst.st_mode & S_ISVTX) ||
	          !(dst.st_mode & S_IWOTH) || lst->st_uid == geteuid() ||
	          lst->st_uid == dst.st_uid;
	free(dir);
	return ok;
}

/* procfs (statfs's f_type): its links in /proc/PID/fd name open files,
 * which must be written through the link, not replaced beside it. */
#define PROCFS_MAGIC 0x9fa0

static bool in_procfs(const char *path)
{
	char *dir = path_dir(path);
	struct statfs sf;
	bool r = statfs(dir, &sf) == 0 && sf.f_type == PROCFS_MAGIC;
	free(dir);
	return r;
}

static int refuse(char *cur, int hops, int err, const char *why)
{
	if (hops == 0)
		snprintf(refusal, sizeof(refusal), "it is %s", why);
	else
		snprintf(refusal, sizeof(refusal),
		         "'%s', which it links to, "
		         "is %s",
		         cur, why);
	refusal_errno = err;
	free(cur);
	errno = err;
	return -1;
}

/* The folders on the way to path are judged by the same rule as the
 * file itself: a link among them in a sticky world-writable directory
 * must belong to the user (or to the directory's owner). */
static int check_folders(const char *path)
{
	char *p = xstrdup(path);
	int rc = 0;
	for (char *slash = strchr(p + 1, '/'); slash && rc == 0;
	     slash = strchr(slash + 1, '/')) {
		*slash = '\0';
		struct stat lst;
		if (lstat(p, &lst) == 0 && S_ISLNK(lst.st_mode) &&
		    !link_trusted(p, &lst)) {
			snprintf(
			    refusal, sizeof(refusal),
			    "the folder '%s' on its way is a symbolic link "
			    "owned by another user in a sticky "
			    "world-writable directory, which vcsc does not "
			    "follow; choose another output",
			    p);
			refusal_errno = EACCES;
			rc = -1;
		}
		*slash = '/';
	}
	free(p);
	if (rc)
		errno = EACCES;
	return rc;
}

int output_target(const char *path, char **target)
{
	refusal_errno = 0;
	*target = NULL;
	if (check_folders(path) != 0)
		return -1;
	char *cur = xstrdup(path);
	/* Hop by hop rather than realpath(): each link is judged where it
	 * lies, and directories on the way are left to the kernel, which
	 * applies its own protection when the file is created. */
	for (int hops = 0; hops < 40; hops++) {
		struct stat lst, st;
		if (lstat(cur, &lst) != 0 || !S_ISLNK(lst.st_mode)) {
			*target = cur;
			return 0;
		}
		if (!link_trusted(cur, &lst))
			return refuse(cur, hops, EACCES,
			              "a symbolic link owned by another user "
			              "in a sticky world-writable directory, "
			              "which vcsc does not follow (nor would "
			              "the kernel's protected_symlinks); "
			              "remove the link or choose another "
			              "output");
		if (stat(cur, &st) != 0) {
			if (errno == ENOENT)
				return refuse(
				    cur, hops, ENOENT,
				    "a symbolic link to a file that "
				    "does not exist, and vcsc does "
				    "not create the target of a link; "
				    "create the file first or remove "
				    "the link");
			int e = errno;
			free(cur);
			errno = e;
			return -1;
		}
		if ((!S_ISREG(st.st_mode) && !S_ISDIR(st.st_mode)) ||
		    in_procfs(cur)) {
			/* A device behind a link (/dev/stdout ->
			 * /proc/self/fd/1), and any open file named by
			 * procfs, is opened through the link. */
			*target = cur;
			return 0;
		}
		char link[PATH_MAX];
		ssize_t n = readlink(cur, link, sizeof(link) - 1);
		if (n < 0) {
			int e = errno;
			free(cur);
			errno = e;
			return -1;
		}
		link[n] = '\0';
		char *next;
		if (link[0] == '/') {
			next = xstrdup(link);
		} else {
			char *dir = path_dir(cur);
			next = path_join(dir, link);
			free(dir);
		}
		free(cur);
		cur = next;
	}
	free(cur);
	errno = ELOOP;
	return -1;
}

/* Gives the new file fd the permissions and, where allowed, the owner of
 * the file it replaces, or the default for a new document. */
static void keep_mode(int fd, const struct stat *old)
{
	if (old) {
		/* Root may give the file back to its owner; anyone may keep
		 * its group if they belong to it. Failing both, it is ours. */
		if (fchown(fd, old->st_uid, old->st_gid) != 0 &&
		    fchown(fd, (uid_t)-1, old->st_gid) != 0) {
			/* keep our own owner and group */
		}
		fchmod(fd, old->st_mode & 0777);
		return;
	}
	/* mkstemp creates 0600; outputs are documents for others to read. */
	mode_t um = umask(0);
	umask(um);
	fchmod(fd, 0666 & ~um);
}

int outfile_open(outfile *o, const char *path)
{
	memset(o, 0, sizeof(*o));
	if (output_target(path, &o->path) != 0)
		return -1;
	struct stat st;
	bool exists = stat(o->path, &st) == 0;
	if (exists && S_ISDIR(st.st_mode)) {
		free(o->path);
		o->path = NULL;
		errno = EISDIR;
		return -1;
	}
	if (exists && (!S_ISREG(st.st_mode) || in_procfs(o->path))) {
		/* a device, a FIFO or an open file named by procfs cannot be
		 * replaced: write into it; an open file is appended to, as
		 * the shell's >> asked (after its > there is nothing) */
		o->fp = fopen(o->path, in_procfs(o->path) ? "ab" : "wb");
		if (!o->fp) {
			int e = errno;
			free(o->path);
			o->path = NULL;
			errno = e;
			return -1;
		}
		return 0;
	}
	o->tmp = xasprintf("%s.tmp.XXXXXX", o->path);
	int fd = tmp_mkstemp(o->tmp);
	if (fd < 0) {
		int e = errno;
		free(o->path);
		free(o->tmp);
		memset(o, 0, sizeof(*o));
		errno = e;
		return -1;
	}
	keep_mode(fd, exists ? &st : NULL);
	o->fp = fdopen(fd, "wb");
	if (!o->fp) {
		int e = errno;
		close(fd);
		outfile_abort(o);
		errno = e;
		return -1;
	}
	return 0;
}

int outfile_commit(outfile *o)
{
	int rc = 0;
	if (fflush(o->fp) != 0 || ferror(o->fp))
		rc = -1;
	int e = errno;
	if (fclose(o->fp) != 0 && rc == 0) {
		rc = -1;
		e = errno;
	}
	o->fp = NULL;
	if (o->tmp) {
		if (rc == 0 && rename(o->tmp, o->path) != 0) {
			rc = -1;
			e = errno;
		}
		if (rc != 0)
			unlink(o->tmp);
		tmp_untrack(o->tmp);
	}
	free(o->path);
	free(o->tmp);
	o->path = o->tmp = NULL;
	errno = e;
	return rc;
}

void outfile_abort(outfile *o)
{
	if (o->fp)
		fclose(o->fp);
	if (o->tmp) {
		unlink(o->tmp);
		tmp_untrack(o->tmp);
	}
	free(o->path);
	free(o->tmp);
	memset(o, 0, sizeof(*o));
}

int mkdir_p(const char *dir, int mode)
{
	char *p = xstrdup(dir);
	size_t n = strlen(p);
	for (size_t i = 1; i <= n; i++) {
		if (p[i] != '/' && p[i] != '\0')
			continue;
		char c = p[i];
		p[i] = '\0';
		if (mkdir(p, (mode_t)mode) != 0 && errno != EEXIST) {
			int e = errno;
			free(p);
			errno = e;
			return -1;
		}
		p[i] = c;
	}
	free(p);
	if (!is_dir(dir)) {
		errno = ENOTDIR;
		return -1;
	}
	return 0;
}

bool is_dir(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

bool is_file(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

bool path_entry_exists(const char *path)
{
	struct stat st;
	return lstat(path, &st) == 0 && !S_ISDIR(st.st_mode);
}

char *path_join(const char *a, const char *b)
{
	size_t la = strlen(a);
	while (la > 1 && a[la - 1] == '/')
		la--;
	if (la == 0)
		return xstrdup(b);
	return xasprintf("%.*s/%s", (int)la, a, b);
}

const char *path_base(const char *path)
{
	size_t n = strlen(path);
	while (n > 1 && path[n - 1] == '/')
		n--;
	size_t i = n;
	while (i > 0 && path[i - 1] != '/')
		i--;
	return path + i;
}

char *path_dir(const char *path)
{
	size_t n = strlen(path);
	while (n > 1 && path[n - 1] == '/')
		n--;
	while (n > 0 && path[n - 1] != '/')
		n--;
	while (n > 1 && path[n - 1] == '/')
		n--;
	if (n == 0)
		return xstrdup(".");
	return xstrndup(path, n);
}

bool dir_is_empty(const char *path)
{
	DIR *dp = opendir(path);
	if (!dp)
		return false;
	struct dirent *e;
	bool empty = true;
	while ((e = readdir(dp)) != NULL)
		if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0)
			empty = false;
	closedir(dp);
	return empty;
}

/* ---- directory trees ---- */

static int rm_tree_at(int at, const char *name)
{
	struct stat st;
	if (fstatat(at, name, &st, AT_SYMLINK_NOFOLLOW) != 0)
		return errno == ENOENT ? 0 : -1;
	if (!S_ISDIR(st.st_mode))
		return unlinkat(at, name, 0);
	int fd = openat(at, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW);
	if (fd < 0)
		return -1;
	DIR *dp = fdopendir(fd);
	if (!dp) {
		close(fd);
		return -1;
	}
	int rc = 0;
	struct dirent *e;
	while ((e = readdir(dp)) != NULL) {
		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
			continue;
		if (rm_tree_at(dirfd(dp), e->d_name) != 0)
			rc = -1;
	}
	closedir(dp);
	if (unlinkat(at, name, AT_REMOVEDIR) != 0)
		rc = -1;
	return rc;
}

int rm_tree(const char *path)
{
	return rm_tree_at(AT_FDCWD, path);
}

int copy_file(const char *from, const char *to)
{
	int in = open(from, O_RDONLY);
	if (in < 0)
		return -1;
	int out = open(to, O_WRONLY | O_CREAT | O_TRUNC, 0666);
	if (out < 0) {
		int e = errno;
		close(in);
		errno = e;
		return -1;
	}
	char b[65536];
	ssize_t n;
	int rc = 0;
	while (rc == 0 && (n = read(in, b, sizeof(b))) != 0) {
		if (n < 0) {
			if (errno != EINTR)
				rc = -1;
			continue;
		}
		for (ssize_t off = 0; rc == 0 && off < n;) {
			ssize_t w = write(out, b + off, (size_t)(n - off));
			if (w >= 0)
				off += w;
			else if (errno != EINTR)
				rc = -1;
		}
	}
	int e = errno;
	close(in);
	if (close(out) != 0 && rc == 0) {
		rc = -1;
		e = errno;
	}
	errno = e;
	return rc;
}

int dir_names(const char *dir, bool hidden, char ***names, size_t *n)
{
	*names = NULL;
	*n = 0;
	DIR *dp = opendir(dir);
	if (!dp)
		return -1;
	size_t cap = 0;
	struct dirent *e;
	while ((e = readdir(dp)) != NULL) {
		if (strcmp(e->d_name, ".") == 0 ||
		    strcmp(e->d_name, "..") == 0 ||
		    (e->d_name[0] == '.' && !hidden))
			continue;
		VEC_PUSH(*names, *n, cap, xstrdup(e->d_name));
	}
	closedir(dp);
	if (*n)
		qsort(*names, *n, sizeof(**names), cmp_strp);
	return 0;
}

void names_free(char **names, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(names[i]);
	free(names);
}

int copy_tree(const char *from, const char *to)
{
	char **names;
	size_t n;
	if (dir_names(from, false, &names, &n) != 0)
		return -1;
	int rc = 0;
	for (size_t i = 0; i < n; i++) {
		char *src = path_join(from, names[i]);
		char *dst = path_join(to, names[i]);
		struct stat st;
		if (rc == 0 && lstat(src, &st) == 0) {
			if (S_ISDIR(st.st_mode)) {
				if (mkdir(dst, 0777) != 0 ||
				    copy_tree(src, dst) != 0)
					rc = -1;
			} else if (S_ISREG(st.st_mode)) {
				if (copy_file(src, dst) != 0)
					rc = -1;
			}
		}
		free(src);
		free(dst);
	}
	names_free(names, n);
	return rc;
}

/* ---- temporary files an interrupted run removes ---- */

/* Written only outside the handler, with `used` set last, so that the
 * handler sees either no path or a whole one. */
static struct tracked {
	char path[PATH_MAX];
	bool is_directory;
	volatile sig_atomic_t used;
} tracked[TMP_TRACK_MAX];
static bool handler_installed;

/* The kernel's directory record (getdents64): opendir and readdir may
 * allocate, which a signal handler must not do. */
struct dirent64_rec {
	uint64_t ino;
	int64_t off;
	unsigned short reclen;
	unsigned char type;
	char name[];
};

/* Removes name below at and everything under it using only system calls
 * that are safe in a signal handler. Site trees are a few levels deep;
 * the depth bound keeps the stack small on anything stranger. */
static void sig_rm_at(int at, const char *name, int depth)
{
	if (unlinkat(at, name, 0) == 0 || errno == ENOENT || depth > 32)
		return;
	int fd =
	    openat(at, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
	if (fd < 0)
		return;
	/* Passes until a pass finds nothing left: removing entries while
	 * reading a directory may hide others from that pass. */
	for (int pass = 0; pass < 16; pass++) {
		bool any = false;
		char b[2048] __attribute__((aligned(8)));
		long n;
		lseek(fd, 0, SEEK_SET);
		while ((n = syscall(SYS_getdents64, fd, b, sizeof(b))) > 0) {
			for (long off = 0; off < n;) {
				struct dirent64_rec *e =
				    (struct dirent64_rec *)(b + off);
				off += e->reclen;
				if (strcmp(e->name, ".") == 0 ||
				    strcmp(e->name, "..") == 0)
					continue;
				any = true;
				sig_rm_at(fd, e->name, depth + 1);
			}
		}
		if (!any)
			break;
	}
	close(fd);
	unlinkat(at, name, AT_REMOVEDIR);
}

static void on_signal(int sig)
{
	for (int i = 0; i < TMP_TRACK_MAX; i++) {
		if (!tracked[i].used)
			continue;
		if (tracked[i].is_directory)
			sig_rm_at(AT_FDCWD, tracked[i].path, 0);
		else
			unlink(tracked[i].path);
	}
	/* End as the signal would have ended us: the caller's shell sees
	 * the same status. */
	signal(sig, SIG_DFL);
	raise(sig);
}

static const int cleanup_sigs[] = {SIGINT, SIGTERM, SIGHUP};

void tmp_signals_block(sigset_t *saved)
{
	sigset_t set;
	sigemptyset(&set);
	for (size_t i = 0; i < COUNT_OF(cleanup_sigs); i++)
		sigaddset(&set, cleanup_sigs[i]);
	sigprocmask(SIG_BLOCK, &set, saved);
}

void tmp_signals_restore(const sigset_t *saved)
{
	sigprocmask(SIG_SETMASK, saved, NULL);
}

static void install_handler(void)
{
	const int *sigs = cleanup_sigs;
	handler_installed = true;
	for (size_t i = 0; i < COUNT_OF(cleanup_sigs); i++) {
		struct sigaction old, sa;
		/* A signal ignored by whoever started us (nohup) stays so. */
		if (sigaction(sigs[i], NULL, &old) != 0 ||
		    old.sa_handler == SIG_IGN)
			continue;
		memset(&sa, 0, sizeof(sa));
		sa.sa_handler = on_signal;
		sigemptyset(&sa.sa_mask);
		for (size_t k = 0; k < COUNT_OF(cleanup_sigs); k++)
			sigaddset(&sa.sa_mask, sigs[k]);
		sigaction(sigs[i], &sa, NULL);
	}
}

int tmp_track(const char *path, bool is_directory)
{
	if (!handler_installed)
		install_handler();
	size_t n = strlen(path);
	if (n >= PATH_MAX)
		return -1;
	for (int i = 0; i < TMP_TRACK_MAX; i++) {
		if (tracked[i].used)
			continue;
		memcpy(tracked[i].path, path, n + 1);
		tracked[i].is_directory = is_directory;
		/* the path is whole before the handler can see the slot */
		atomic_signal_fence(memory_order_seq_cst);
		tracked[i].used = 1;
		return 0;
	}
	return -1;
}

void tmp_untrack(const char *path)
{
	for (int i = 0; i < TMP_TRACK_MAX; i++)
		if (tracked[i].used && strcmp(tracked[i].path, path) == 0) {
			tracked[i].used = 0;
			return;
		}
}

int tmp_mkstemp(char *tmpl)
{
	sigset_t saved;
	tmp_signals_block(&saved);
	int fd = mkstemp(tmpl);
	int e = errno;
	if (fd >= 0)
		tmp_track(tmpl, false);
	tmp_signals_restore(&saved);
	errno = e;
	return fd;
}

int tmp_mkdtemp(char *tmpl)
{
	sigset_t saved;
	tmp_signals_block(&saved);
	int rc = mkdtemp(tmpl) ? 0 : -1;
	int e = errno;
	if (rc == 0)
		tmp_track(tmpl, true);
	tmp_signals_restore(&saved);
	errno = e;
	return rc;
}
