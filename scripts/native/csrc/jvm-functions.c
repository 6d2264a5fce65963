/* The JVM_* functions the JDK's JNI libraries call into "libjvm", for a native image that links
 * Temurin's shared libjava/libnio/libnet/libzip/libextnet/libmanagement_ext: scripts/native/link.sh
 * builds this file as the image's own libjvm.so (version SUNWprivate_1.1, as those libraries
 * require), plus a stub that stops the process with the function's name for every other JVM_*
 * function they refer to, which a native image never reaches (class loading, stack walking,
 * monitors, threads: the image does these itself). Written for this project. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <jni.h>
#include <pthread.h>
#include <sched.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

JNIEXPORT jint JNICALL JVM_ActiveProcessorCount(void) {
    cpu_set_t cpus;
    if (sched_getaffinity(0, sizeof(cpus), &cpus) == 0) return CPU_COUNT(&cpus);
    return (jint) sysconf(_SC_NPROCESSORS_ONLN);
}

JNIEXPORT jlong JNICALL JVM_CurrentTimeMillis(JNIEnv *env, jclass ignored) {
    struct timespec now;
    clock_gettime(CLOCK_REALTIME, &now);
    return (jlong) now.tv_sec * 1000 + now.tv_nsec / 1000000;
}

JNIEXPORT jlong JNICALL JVM_NanoTime(JNIEnv *env, jclass ignored) {
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    return (jlong) now.tv_sec * 1000000000 + now.tv_nsec;
}

/* nanoseconds since offset_secs, or -1 when that is too far away (jdk.internal.misc.VM) */
JNIEXPORT jlong JNICALL JVM_GetNanoTimeAdjustment(JNIEnv *env, jclass ignored, jlong offset_secs) {
    struct timespec now;
    clock_gettime(CLOCK_REALTIME, &now);
    int64_t seconds = (int64_t) now.tv_sec - offset_secs;
    if (seconds >= 0x100000000LL || seconds <= -0x100000000LL) return -1;
    return seconds * 1000000000LL + now.tv_nsec;
}

/* libnet asks for inet_pton this way to decide whether IPv6 is available */
JNIEXPORT void *JNICALL JVM_FindLibraryEntry(void *handle, const char *name) { return dlsym(handle, name); }

JNIEXPORT char *JNICALL JVM_NativePath(char *path) { return path; }

/* libzip's monitors */
JNIEXPORT void *JNICALL JVM_RawMonitorCreate(void) {
    pthread_mutex_t *mutex = malloc(sizeof(pthread_mutex_t));
    if (mutex != NULL) pthread_mutex_init(mutex, NULL);
    return mutex;
}
JNIEXPORT void JNICALL JVM_RawMonitorDestroy(void *mutex) {
    pthread_mutex_destroy(mutex);
    free(mutex);
}
JNIEXPORT jint JNICALL JVM_RawMonitorEnter(void *mutex) { return pthread_mutex_lock(mutex); }
JNIEXPORT void JNICALL JVM_RawMonitorExit(void *mutex) { pthread_mutex_unlock(mutex); }

JNIEXPORT void JNICALL JVM_BeforeHalt(void) {}
JNIEXPORT void JNICALL JVM_Halt(jint code) { exit(code); }

JNIEXPORT jstring JNICALL JVM_GetTemporaryDirectory(JNIEnv *env) { return (*env)->NewStringUTF(env, "/tmp"); }

/* the container support of the image itself is in svm-support.c */
JNIEXPORT jboolean JNICALL JVM_IsUseContainerSupport(void) { return JNI_FALSE; }
JNIEXPORT jboolean JNICALL JVM_IsContainerized(void) { return JNI_FALSE; }

JNIEXPORT int jio_vfprintf(FILE *file, const char *format, va_list args) { return vfprintf(file, format, args); }

/* like vsnprintf, but -1 (and a terminated buffer) when the text does not fit */
JNIEXPORT int jio_vsnprintf(char *buffer, size_t size, const char *format, va_list args) {
    if ((intptr_t) size <= 0) return -1;
    int length = vsnprintf(buffer, size, format, args);
    if (length < 0 || (size_t) length >= size) {
        buffer[size - 1] = '\0';
        return -1;
    }
    return length;
}
