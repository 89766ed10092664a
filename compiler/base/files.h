/*
 * files.h - the file system as vcsc uses it: reading sources, writing
 * outputs so that a reader never sees half a file, paths, directory trees,
 * and the temporary files an interrupted run must not leave behind.
 *
 * Outputs are replaced, never written in place: a document is written to
 * a temporary file beside its target and renamed over it when complete.
 * The new file keeps the old one's mode (and owner, where the user may set
 * it), but it is a new inode: a hard link to the old file keeps the old
 * bytes. A symbolic link is followed only where the kernel's
 * protected_symlinks rule would follow it (see output_target()), and the
 * target of a dangling link is never created.
 *
 * Ownership: strings returned by these functions are the caller's to free.
 * An outfile owns its paths until outfile_commit() or outfile_abort().
 */
#ifndef VCSC_FILES_H
#define VCSC_FILES_H

#include <signal.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

/* Reads a whole file up to limit bytes. Returns 0, -1 on I/O error (errno
 * set), -2 when the file is larger than limit. *data is NUL-terminated. */
int read_file(const char *path, size_t limit, char **data, size_t *len);

/* The file an output path really names, in *target (caller frees): path
 * itself, or, when path is a symbolic link, the file at the end of the
 * chain, so that writing replaces the target and keeps the link. A device
 * or FIFO behind a link is named by path itself (it is written in place).
 * Returns -1 with errno set when the chain cannot be followed; when the
 * refusal is vcsc's own (a link owned by another user in a sticky
 * world-writable directory: EACCES; a dangling link: ENOENT),
 * output_strerror() explains it. */
int output_target(const char *path, char **target);

/* Why an output could not be written: the explanation of the last refusal
 * of output_target() when err is its errno, else strerror(err). */
const char *output_strerror(int err);

/* Atomic output: write to a temporary file beside the target, rename on
 * commit. A target that exists and is neither a regular file nor a
 * directory (a device such as /dev/stdout, a FIFO) is written directly,
 * since it cannot be replaced; a directory is refused (EISDIR). Until
 * commit or abort, the temporary file is removed if the process is
 * interrupted (see tmp_track). */
typedef struct outfile {
	FILE *fp;
	char *path;
	char *tmp; /* NULL when writing directly */
} outfile;
int outfile_open(outfile *o, const char *path); /* 0 or -1, errno set */
int outfile_commit(outfile *o);                 /* 0 or -1, errno set */
void outfile_abort(outfile *o);
/* Creates dir and its parents (mkdir -p). 0 or -1 with errno. */
int mkdir_p(const char *dir, int mode);
bool is_dir(const char *path);
bool is_file(const char *path);
/* True when path names an entry, even a symbolic link that leads nowhere
 * (the loader then says what is wrong with it). */
bool path_entry_exists(const char *path);
bool dir_is_empty(const char *path);
/* Joins two path parts with one slash; caller frees. */
char *path_join(const char *a, const char *b);
/* Last component of path (no allocation; points into path; a trailing
 * slash stays part of it). */
const char *path_base(const char *path);
/* Directory part of path; caller frees ("." if none). */
char *path_dir(const char *path);

/* The names in dir, sorted, without "." and ".."; names starting with '.'
 * only when hidden is true. Returns 0, or -1 with errno set. The caller
 * frees each name and the array (names_free). */
int dir_names(const char *dir, bool hidden, char ***names, size_t *n);
void names_free(char **names, size_t n);

/* Removes path and, if it is a directory, everything below it, without
 * following symbolic links. Returns 0, or -1 if anything stayed. */
int rm_tree(const char *path);
/* Copies a regular file (mode 0666 before umask). 0 or -1 with errno. */
int copy_file(const char *from, const char *to);
/* Copies the regular files and directories below from into to, which
 * must exist; names starting with '.' are left out. 0 or -1. */
int copy_tree(const char *from, const char *to);

/* Temporary outputs that a SIGINT, SIGTERM or SIGHUP must not leave
 * behind: the handler removes each tracked path (a directory with
 * everything below it), then lets the signal end the process as it would
 * have. At most TMP_TRACK_MAX paths at a time; tmp_track returns -1 when
 * full or when path is too long (the path is then simply not cleaned). */
#define TMP_TRACK_MAX 8
int tmp_track(const char *path, bool is_directory);
void tmp_untrack(const char *path);

/* mkstemp and mkdtemp that track what they create, with those signals
 * blocked from the creation to the tracking, so that no interrupt falls
 * between the two. tmp_mkstemp returns the open descriptor, tmp_mkdtemp
 * 0; both -1 with errno set. */
int tmp_mkstemp(char *tmpl);
int tmp_mkdtemp(char *tmpl);

/* Blocks the signals tmp_track cleans up after (and restores them) around
 * steps that must not be cut apart, such as moving an old site aside and
 * the new one into its place. */
void tmp_signals_block(sigset_t *saved);
void tmp_signals_restore(const sigset_t *saved);

#endif
