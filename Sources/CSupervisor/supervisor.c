#define _GNU_SOURCE
#include "bearmon_supervisor.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

/* Everything below runs in the forked supervisor: system calls only, no malloc, no stdio. */

enum { MAX_PROCS = 32768, MAX_TREE = 4096, FIRST_PRIVATE_FD = 4, REPORT_FD = 3 };

static pid_t all_pids[MAX_PROCS];
static pid_t all_ppids[MAX_PROCS];
static pid_t tree[MAX_TREE];

static int64_t now_ms(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static int parse_int(const char *text, long *out) {
    long value = 0;
    if (*text == 0) return 0;
    for (; *text; text++) {
        if (*text < '0' || *text > '9') return 0;
        value = value * 10 + (*text - '0');
    }
    *out = value;
    return 1;
}

/* The parent pid from /proc/PID/stat: the field after the last ')' and the state letter. */
static pid_t read_ppid(int proc_fd, const char *name) {
    char path[64], buffer[512];
    size_t used = strlen(name);
    if (used > 40) return -1;
    memcpy(path, name, used);
    memcpy(path + used, "/stat", 6);
    int fd = openat(proc_fd, path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) return -1;
    ssize_t got = read(fd, buffer, sizeof buffer - 1);
    close(fd);
    if (got <= 0) return -1;
    buffer[got] = 0;
    char *close_paren = strrchr(buffer, ')');
    if (!close_paren || close_paren[1] != ' ' || close_paren[2] == 0 || close_paren[3] != ' ') return -1;
    long ppid = 0;
    char *start = close_paren + 4, *end = start;
    while (*end >= '0' && *end <= '9') end++;
    *end = 0;
    return parse_int(start, &ppid) ? (pid_t)ppid : -1;
}

/* Fills tree[] with every live descendant of this process; returns how many. */
static int find_descendants(void) {
    int proc_fd = open("/proc", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (proc_fd < 0) return 0;
    int count = 0;
    char buffer[8192];
    for (;;) {
        long got = syscall(SYS_getdents64, proc_fd, buffer, sizeof buffer);
        if (got <= 0) break;
        for (long offset = 0; offset < got;) {
            struct dirent64 *entry = (struct dirent64 *)(buffer + offset);
            offset += entry->d_reclen;
            long pid = 0;
            if (count >= MAX_PROCS || !parse_int(entry->d_name, &pid)) continue;
            pid_t ppid = read_ppid(proc_fd, entry->d_name);
            if (ppid < 0) continue;
            all_pids[count] = (pid_t)pid;
            all_ppids[count] = ppid;
            count++;
        }
    }
    close(proc_fd);
    /* Grow the tree from this process until a pass adds nothing. */
    int size = 0, grew = 1;
    pid_t self = getpid();
    while (grew) {
        grew = 0;
        for (int i = 0; i < count && size < MAX_TREE; i++) {
            if (all_pids[i] == 0) continue;
            int parent_in_tree = all_ppids[i] == self;
            for (int j = 0; j < size && !parent_in_tree; j++) parent_in_tree = tree[j] == all_ppids[i];
            if (parent_in_tree) {
                tree[size++] = all_pids[i];
                all_pids[i] = 0;
                grew = 1;
            }
        }
    }
    return size;
}

static int signal_tree(int sig) {
    int size = find_descendants();
    for (int i = 0; i < size; i++) kill(tree[i], sig);
    return size;
}

/* Reaps every child that has ended; records the command's status when it is among them. */
static void reap(pid_t command, int *command_done, int *command_status) {
    int status;
    pid_t pid;
    while ((pid = waitpid(-1, &status, WNOHANG)) > 0) {
        if (pid == command) {
            *command_done = 1;
            *command_status = status;
        }
    }
}

static void wait_for_child(int64_t milliseconds) {
    if (milliseconds <= 0) return;
    if (milliseconds > 100) milliseconds = 100;
    sigset_t chld;
    sigemptyset(&chld);
    sigaddset(&chld, SIGCHLD);
    struct timespec ts = {milliseconds / 1000, (milliseconds % 1000) * 1000000};
    sigtimedwait(&chld, NULL, &ts);
}

/* SIGKILL to the whole tree until nothing is left; bounded, for a process stuck in D state. */
static int kill_everything(pid_t command, int *command_done, int *command_status) {
    int killed = 0;
    for (int round = 0; round < 1000; round++) {
        int found = signal_tree(SIGKILL);
        if (round == 0) killed = found;
        reap(command, command_done, command_status);
        if (found == 0 && waitpid(-1, NULL, WNOHANG) < 0 && errno == ECHILD) break;
        wait_for_child(10);
    }
    return killed;
}

static void finish(bm_spawn_report report) {
    ssize_t ignored = write(REPORT_FD, &report, sizeof report);
    (void)ignored;
    _exit(0);
}

static void fail(int stage, int error) {
    bm_spawn_report report = {BM_SPAWN_FAILED, error, stage, 0};
    finish(report);
}

static void run_supervisor(const bm_spawn_request *request) {
    /* Move the two pipes out of the way, then lay out 0, 1, 2 and the report descriptor. */
    int out = fcntl(request->out_fd, F_DUPFD_CLOEXEC, 10);
    int report = fcntl(request->report_fd, F_DUPFD_CLOEXEC, 10);
    int null_fd = open("/dev/null", O_RDWR | O_CLOEXEC);
    if (out < 0 || report < 0 || null_fd < 0 || dup2(report, REPORT_FD) < 0) _exit(127);
    fcntl(REPORT_FD, F_SETFD, FD_CLOEXEC);
    if (dup2(null_fd, 0) < 0 || dup2(out, 1) < 0 || dup2(out, 2) < 0) fail(BM_STAGE_SETUP, errno);
    /* Drop every other descriptor, the other threads' pipes included, so that no command
     * keeps another one's pipe open. */
    if (syscall(SYS_close_range, FIRST_PRIVATE_FD, ~0U, 0) != 0) {
        struct rlimit limit;
        rlim_t highest = getrlimit(RLIMIT_NOFILE, &limit) == 0 && limit.rlim_cur < 1048576 ? limit.rlim_cur : 1048576;
        for (rlim_t fd = FIRST_PRIVATE_FD; fd < highest; fd++) close((int)fd);
    }
    /* Default dispositions (the daemon's handlers are no use here); SIGCHLD blocked, waited for. */
    struct sigaction dfl;
    memset(&dfl, 0, sizeof dfl);
    dfl.sa_handler = SIG_DFL;
    for (int sig = 1; sig < NSIG; sig++) sigaction(sig, &dfl, NULL);
    sigset_t mask;
    sigemptyset(&mask);
    sigaddset(&mask, SIGCHLD);
    sigprocmask(SIG_SETMASK, &mask, NULL);
    if (prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0) != 0) fail(BM_STAGE_SETUP, errno);

    /* The command gets clean signals and its own process group. */
    posix_spawnattr_t attr;
    posix_spawnattr_init(&attr);
    sigset_t none, all;
    sigemptyset(&none);
    sigfillset(&all);
    posix_spawnattr_setsigmask(&attr, &none);
    posix_spawnattr_setsigdefault(&attr, &all);
    posix_spawnattr_setpgroup(&attr, 0);
    posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETPGROUP);

    /* posix_spawn has no user attribute: the supervisor takes the user's ids for the spawn,
     * keeping root as its saved uid, and takes root back to kill and reap. Raw system calls,
     * because glibc's wrappers would signal threads this forked process does not have. */
    if (request->switch_user) {
        gid_t groups[1] = {request->gid};
        if (syscall(SYS_setgroups, 1, groups) != 0) fail(BM_STAGE_USER, errno);
        if (syscall(SYS_setresgid, request->gid, request->gid, request->gid) != 0) fail(BM_STAGE_USER, errno);
        if (syscall(SYS_setresuid, request->uid, request->uid, 0) != 0) fail(BM_STAGE_USER, errno);
    }
    pid_t command = 0;
    /* ETXTBSY: another process forked while someone held the file open for writing (an
     * install in progress, or any fork racing a write elsewhere); it passes in moments. */
    int spawned = ETXTBSY;
    for (int attempt = 0; attempt < 50 && spawned == ETXTBSY; attempt++) {
        if (attempt > 0) wait_for_child(20);
        spawned = posix_spawn(&command, request->path, NULL, &attr, request->argv, request->envp);
    }
    if (request->switch_user && syscall(SYS_setresuid, 0, 0, 0) != 0) {
        /* Without root back the tree cannot be killed for sure: end it now. */
        if (spawned == 0) kill(-command, SIGKILL);
        fail(BM_STAGE_USER, errno);
    }
    if (spawned != 0) fail(BM_STAGE_SPAWN, spawned);
    /* Only the command (and what it starts) may hold the output pipe now. */
    dup2(null_fd, 1);
    dup2(null_fd, 2);

    int done = 0, status = 0, timed_out = 0;
    int64_t deadline = now_ms() + request->timeout_ms, kill_at = 0;
    for (;;) {
        reap(command, &done, &status);
        if (done) break;
        int64_t now = now_ms();
        if (!timed_out && now >= deadline) {
            timed_out = 1;
            signal_tree(SIGTERM);
            kill_at = now + request->kill_grace_ms;
        }
        if (timed_out && now >= kill_at) break;
        wait_for_child((timed_out ? kill_at : deadline) - now);
    }
    int leftover = kill_everything(command, &done, &status);
    bm_spawn_report result = {0, 0, 0, timed_out ? 0 : leftover};
    if (timed_out) result.outcome = BM_TIMED_OUT;
    else if (WIFSIGNALED(status)) { result.outcome = BM_SIGNALED; result.value = WTERMSIG(status); }
    else { result.outcome = BM_EXITED; result.value = WEXITSTATUS(status); }
    finish(result);
}

int bm_pipe_cloexec(int fds[2]) { return pipe2(fds, O_CLOEXEC); }

pid_t bm_supervise(const bm_spawn_request *request) {
    if (!request || !request->path || !request->argv || !request->envp) {
        errno = EINVAL;
        return -1;
    }
    pid_t pid = fork();
    if (pid == 0) run_supervisor(request);
    return pid;
}
