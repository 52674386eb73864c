/*
 * Preloaded (LD_PRELOAD) into the Wine process that jvmhost runs in: every thread libjvm.so
 * starts is created by jvmhost as a Wine thread instead, so that each has a TEB of its own.
 * Only calls made from libjvm.so are routed; Wine's own threads are made as before.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <pthread.h>
#include <string.h>

typedef int (*creator_fn)(pthread_t *, size_t, void *(*)(void *), void *);
typedef int (*pthread_create_fn)(pthread_t *, const pthread_attr_t *, void *(*)(void *), void *);

static creator_fn wine_creator;

/* Called by jvmhost with its Wine thread creator, before the JVM starts. */
void jvmhost_use_wine_threads(creator_fn creator) {
    wine_creator = creator;
}

static int called_from_libjvm(void *caller) {
    Dl_info info;
    if (!dladdr(caller, &info) || !info.dli_fname) return 0;
    size_t length = strlen(info.dli_fname);
    return length >= 9 && strcmp(info.dli_fname + length - 9, "libjvm.so") == 0;
}

int pthread_create(pthread_t *thread, const pthread_attr_t *attr, void *(*start)(void *), void *arg) {
    static pthread_create_fn next;
    if (!next) next = (pthread_create_fn) dlsym(RTLD_NEXT, "pthread_create");
    if (wine_creator && called_from_libjvm(__builtin_return_address(0))) {
        size_t stack = 0;
        if (attr) pthread_attr_getstacksize(attr, &stack);
        return wine_creator(thread, stack, start, arg);
    }
    return next(thread, attr, start, arg);
}
