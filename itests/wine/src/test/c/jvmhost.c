/*
 * jvmhost: runs the Linux HotSpot JVM inside a Wine process, so that the Windows backend's Java
 * code calls Wine's ws2_32, kernel32 and ntdll through FFM with the Windows x64 convention. No
 * Windows JDK can be had on the machines this project is built on; Wine implements every call
 * the backend makes (AFD polling, completion ports, Winsock).
 *
 *   wine jvmhost.exe.so <libjvm.so> [JVM options] <main class> [arguments]
 *
 * What it does for the JVM, and why:
 * - starts the VM on a thread of its own with a 16 MiB stack: on the process's first thread VM
 *   initialisation overflows its stack;
 * - adds -Djdk.internal.foreign.CABI=WIN_64, so that FFM links with the Windows convention;
 * - adds -Dio.mio.windows.wproc=<address> of resolve() below, through which the backend finds
 *   DLL exports (the Linux JVM's SymbolLookup knows only ELF libraries);
 * - makes each thread the JVM starts a Wine thread (jvmhost-threads.c, preloaded, routes the
 *   JVM's pthread_create to wine_thread()), so that each has a TEB of its own: JVM threads
 *   would otherwise share the first one's, and concurrent Win32 calls corrupt it.
 * The exit status is the main method's (or System.exit's); 120-123 say the JVM did not start.
 */
#include <windows.h>
#include <dlfcn.h>
#include <errno.h>
#include <jni.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void *WINAPI resolve(const char *dll, const char *name) {
    HMODULE module = LoadLibraryA(dll);
    return module ? (void *) GetProcAddress(module, name) : NULL;
}

struct start { void *(*fn)(void *); void *arg; pthread_t self; HANDLE ready; };

static DWORD WINAPI trampoline(void *p) {
    struct start *s = p;
    void *(*fn)(void *) = s->fn;
    void *arg = s->arg;
    s->self = pthread_self();
    SetEvent(s->ready); /* s lives on the creator's stack: read nothing of it after this */
    fn(arg);
    return 0;
}

/* Creates a Wine thread running fn(arg) and answers as pthread_create would. */
static int wine_thread(pthread_t *thread, size_t stack, void *(*fn)(void *), void *arg) {
    struct start s = { fn, arg, 0, CreateEventA(NULL, TRUE, FALSE, NULL) };
    if (!s.ready) return EAGAIN;
    HANDLE handle = CreateThread(NULL, stack, trampoline, &s, 0, NULL);
    if (!handle) {
        CloseHandle(s.ready);
        return EAGAIN;
    }
    WaitForSingleObject(s.ready, INFINITE);
    CloseHandle(s.ready);
    CloseHandle(handle);
    *thread = s.self;
    return 0;
}

struct launch { int argc; char **argv; int status; };

static DWORD WINAPI run(void *p) {
    struct launch *l = p;
    void *jvm = dlopen(l->argv[1], RTLD_NOW | RTLD_GLOBAL);
    if (!jvm) {
        fprintf(stderr, "jvmhost: %s\n", dlerror());
        l->status = 120;
        return 0;
    }
    jint (JNICALL *create)(JavaVM **, void **, void *) = dlsym(jvm, "JNI_CreateJavaVM");
    int first = 2;
    while (first < l->argc && l->argv[first][0] == '-') first++;
    if (first >= l->argc || !create) {
        fprintf(stderr, "jvmhost: no main class, or no JNI_CreateJavaVM in %s\n", l->argv[1]);
        l->status = 121;
        return 0;
    }
    int count = first - 2 + 2;
    JavaVMOption *options = calloc(count, sizeof(JavaVMOption));
    for (int i = 2; i < first; i++) options[i - 2].optionString = l->argv[i];
    static char resolver[64];
    snprintf(resolver, sizeof resolver, "-Dio.mio.windows.wproc=%lu", (unsigned long) (void *) resolve);
    options[count - 2].optionString = "-Djdk.internal.foreign.CABI=WIN_64";
    options[count - 1].optionString = resolver;
    JavaVMInitArgs args = { JNI_VERSION_21, count, options, JNI_FALSE };
    JavaVM *vm;
    JNIEnv *env;
    if (create(&vm, (void **) &env, &args) != JNI_OK) {
        fprintf(stderr, "jvmhost: the JVM did not start\n");
        l->status = 122;
        return 0;
    }
    char *name = strdup(l->argv[first]);
    for (char *c = name; *c; c++) if (*c == '.') *c = '/';
    jclass main_class = (*env)->FindClass(env, name);
    jmethodID main = main_class ? (*env)->GetStaticMethodID(env, main_class, "main", "([Ljava/lang/String;)V") : NULL;
    if (!main) {
        (*env)->ExceptionDescribe(env);
        l->status = 123;
        return 0;
    }
    jobjectArray jargs = (*env)->NewObjectArray(env, l->argc - first - 1, (*env)->FindClass(env, "java/lang/String"), NULL);
    for (int i = first + 1; i < l->argc; i++) {
        (*env)->SetObjectArrayElement(env, jargs, i - first - 1, (*env)->NewStringUTF(env, l->argv[i]));
    }
    (*env)->CallStaticVoidMethod(env, main_class, main, jargs);
    if ((*env)->ExceptionCheck(env)) {
        (*env)->ExceptionDescribe(env);
        l->status = 1;
    }
    (*vm)->DestroyJavaVM(vm);
    return 0;
}

int main(int argc, char **argv) {
    if (argc < 3) {
        fprintf(stderr, "usage: jvmhost <libjvm.so> [JVM options] <main class> [arguments]\n");
        return 2;
    }
    void (*use)(int (*)(pthread_t *, size_t, void *(*)(void *), void *)) = dlsym(RTLD_DEFAULT, "jvmhost_use_wine_threads");
    if (!use) {
        fprintf(stderr, "jvmhost: preload libjvmhost-threads.so, or JVM threads share one Wine thread\n");
        return 2;
    }
    use(wine_thread);
    struct launch l = { argc, argv, 0 };
    HANDLE thread = CreateThread(NULL, 16 << 20, run, &l, 0, NULL);
    WaitForSingleObject(thread, INFINITE);
    return l.status;
}
