/*
 * bearmon_supervisor.h - runs one external command under a supervisor process that leaves
 * no descendant behind (the nagios check type).
 *
 * bm_supervise() forks a supervisor. The supervisor makes itself a child subreaper
 * (PR_SET_CHILD_SUBREAPER), so that every orphaned descendant of the command, even one that
 * called setsid(), becomes its child; it posix_spawn()s the command with stdin on /dev/null
 * and stdout and stderr on out_fd, waits for it, sends SIGTERM to the whole tree at the
 * timeout and SIGKILL kill_grace_ms later, kills whatever the command left behind when it
 * ends, reaps everything, writes one bm_spawn_report to report_fd and exits. Everything the
 * supervisor does after fork() is a plain system call (no malloc, no locks), because the
 * process it was forked from has other threads.
 */
#ifndef BEARMON_SUPERVISOR_H
#define BEARMON_SUPERVISOR_H

#include <stdint.h>
#include <sys/types.h>

/* How the command ended, in bm_spawn_report.outcome. */
#define BM_EXITED 1       /* value: its exit status */
#define BM_SIGNALED 2     /* value: the signal that killed it */
#define BM_TIMED_OUT 3    /* value: 0; it was still running at the timeout */
#define BM_SPAWN_FAILED 4 /* value: errno; stage says which step failed */

/* Which step failed, for BM_SPAWN_FAILED. */
#define BM_STAGE_SPAWN 1  /* posix_spawn() */
#define BM_STAGE_USER 2   /* setgroups()/setresgid()/setresuid() */
#define BM_STAGE_SETUP 3  /* the supervisor's own setup (prctl, descriptors) */

typedef struct bm_spawn_request {
    const char *path;    /* the resolved absolute path to run */
    char *const *argv;   /* NULL-terminated; argv[0] is the command as configured */
    char *const *envp;   /* NULL-terminated environment */
    int out_fd;          /* write end of the output pipe: the command's stdout and stderr */
    int report_fd;       /* write end of the report pipe: one bm_spawn_report, then EOF */
    int switch_user;     /* 1: run the command as uid/gid (the supervisor must be root) */
    uid_t uid;
    gid_t gid;
    int64_t timeout_ms;    /* SIGTERM to the whole tree after this long */
    int64_t kill_grace_ms; /* SIGKILL this long after SIGTERM */
} bm_spawn_request;

typedef struct bm_spawn_report {
    int32_t outcome;  /* BM_EXITED, BM_SIGNALED, BM_TIMED_OUT or BM_SPAWN_FAILED */
    int32_t value;    /* exit status, signal number or errno */
    int32_t stage;    /* BM_STAGE_*, for BM_SPAWN_FAILED; else 0 */
    int32_t leftover; /* descendants killed after the command itself had ended */
} bm_spawn_report;

/* pipe2(fds, O_CLOEXEC), which Swift's Glibc module does not export. */
int bm_pipe_cloexec(int fds[2]);

/* Forks the supervisor for request; returns its pid, or -1 with errno set. The caller
 * closes its copies of out_fd and report_fd, reads the output and the report, and reaps the
 * supervisor with waitpid(). */
pid_t bm_supervise(const bm_spawn_request *request);

#endif
