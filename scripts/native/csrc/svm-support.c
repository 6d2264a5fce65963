/* The C functions a native image of this service calls that live, in a GraalVM distribution, in
 * its C helper libraries (libchelper, libsvm_container). No distribution can be had on these
 * machines and Maven Central does not publish those libraries, so scripts/native/link.sh links
 * this file instead. Written for this project after the declarations in the builder's Java code
 * (svm.jar: LibCHelper, AMD64LibCHelper, ContainerLibrary, LocaleCHelper, CSunMiscSignal, Jvm);
 * simpler than GraalVM's where a simpler answer is still correct (see scripts/native/README.md). */
#define _GNU_SOURCE
#include <cpuid.h>
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <jni.h>
#include <limits.h>
#include <locale.h>
#include <sched.h>
#include <semaphore.h>
#include <signal.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "amd64cpufeatures.h"
#include "svm_locale.h"

/* ---- CPU features (AMD64LibCHelper): which instruction set extensions this CPU and OS offer */

static uint64_t xgetbv0(void) {
    uint32_t eax, edx;
    __asm__ volatile("xgetbv" : "=a"(eax), "=d"(edx) : "c"(0));
    return ((uint64_t) edx << 32) | eax;
}

#define BIT(reg, n) (((reg) >> (n)) & 1)

void determineCPUFeatures(CPUFeatures *f) {
    unsigned a1 = 0, b1 = 0, c1 = 0, d1 = 0, b7 = 0, c7 = 0, d7 = 0, a, ec = 0, ed = 0, pm = 0, unused;
    unsigned max = __get_cpuid_max(0, NULL), max_ext = __get_cpuid_max(0x80000000, NULL);
    if (max >= 1) __cpuid(1, a1, b1, c1, d1);
    if (max >= 7) __cpuid_count(7, 0, a, b7, c7, d7);
    if (max_ext >= 0x80000001) __cpuid(0x80000001, a, unused, ec, ed);
    if (max_ext >= 0x80000007) __cpuid(0x80000007, a, unused, unused, pm);

    f->fCX8 = BIT(d1, 8);
    f->fCMOV = BIT(d1, 15);
    f->fFLUSH = BIT(d1, 19);
    f->fMMX = BIT(d1, 23);
    f->fFXSR = BIT(d1, 24);
    f->fSSE = BIT(d1, 25);
    f->fSSE2 = BIT(d1, 26);
    f->fTSC = BIT(d1, 4);
    f->fSSE3 = BIT(c1, 0);
    f->fCLMUL = BIT(c1, 1);
    f->fSSSE3 = BIT(c1, 9);
    f->fFMA = BIT(c1, 12);
    f->fSSE4_1 = BIT(c1, 19);
    f->fSSE4_2 = BIT(c1, 20);
    f->fPOPCNT = BIT(c1, 23);
    f->fAES = BIT(c1, 25);
    f->fHV = BIT(c1, 31);
    f->fLZCNT = BIT(ec, 5);
    f->fAMD_3DNOW_PREFETCH = BIT(ec, 8);
    f->fRDTSCP = BIT(ed, 27);
    f->fTSCINV_BIT = BIT(pm, 8);
    f->fBMI1 = BIT(b7, 3);
    f->fBMI2 = BIT(b7, 8);
    f->fERMS = BIT(b7, 9);
    f->fRTM = BIT(b7, 11);
    f->fADX = BIT(b7, 19);
    f->fFLUSHOPT = BIT(b7, 23);
    f->fCLWB = BIT(b7, 24);
    f->fSHA = BIT(b7, 29);
    f->fPKU = BIT(c7, 3);
    f->fOSPKE = BIT(c7, 4);
    f->fRDPID = BIT(c7, 22);
    f->fFSRM = BIT(d7, 4);

    /* AVX needs the OS to save the YMM state (OSXSAVE and XCR0 bits 1-2), AVX-512 also the
     * opmask and ZMM state (XCR0 bits 5-7) */
    bool os_avx = BIT(c1, 27) && (xgetbv0() & 0x6) == 0x6;
    if (BIT(c1, 28) && os_avx) {
        f->fAVX = 1;
        f->fVZEROUPPER = 1;
        f->fF16C = BIT(c1, 29);
        f->fAVX2 = BIT(b7, 5);
        f->fGFNI = BIT(c7, 8);
        if (BIT(b7, 16) && (xgetbv0() & 0xe0) == 0xe0) {
            f->fAVX512F = 1;
            f->fAVX512DQ = BIT(b7, 17);
            f->fAVX512_IFMA = BIT(b7, 21);
            f->fAVX512PF = BIT(b7, 26);
            f->fAVX512ER = BIT(b7, 27);
            f->fAVX512CD = BIT(b7, 28);
            f->fAVX512BW = BIT(b7, 30);
            f->fAVX512VL = BIT(b7, 31);
            f->fAVX512_VBMI = BIT(c7, 1);
            f->fAVX512_VBMI2 = BIT(c7, 6);
            f->fAVX512_VAES = BIT(c7, 9);
            f->fAVX512_VPCLMULQDQ = BIT(c7, 10);
            f->fAVX512_VNNI = BIT(c7, 11);
            f->fAVX512_BITALG = BIT(c7, 12);
            f->fAVX512_VPOPCNTDQ = BIT(c7, 14);
        }
    }
    /* Left 0, so the image never relies on them: HT, TSCINV, SSE4A, SERIALIZE, CET, AVX10, APX,
     * AVX-IFMA, SHA512, AVX512-FP16. An image built for them would refuse to start, not misbehave. */
}

/* The image stores, per feature byte, 0xfe where it was compiled to need the feature and 0xff
 * where not: it runs here when every byte of (required | present) is 0xff. */
int checkCPUFeatures(uint8_t *required) {
    CPUFeatures present;
    memset(&present, 0, sizeof(present));
    determineCPUFeatures(&present);
    const uint8_t *p = (const uint8_t *) &present;
    for (size_t i = 0; i < sizeof(present); i++) {
        if ((uint8_t) (required[i] | p[i]) != 0xff) {
            return 1;
        }
    }
    return 0;
}

void checkCPUFeaturesOrExit(uint8_t *required, const char *message) {
    if (checkCPUFeatures(required)) {
        fputs(message, stderr);
        exit(1);
    }
}

/* ---- Container limits (ContainerLibrary). This stand-in reports "not in a container": the
 * image sizes its heap and thread pools from the machine, as HotSpot does without cgroups. */

enum { NOT_CONTAINERIZED = 0, LIBRARY_TOO_OLD = 2, LIBRARY_TOO_NEW = 3, CONTAINER_API_VERSION = 240100 };

int svm_container_initialize(int version) {
    if (version > CONTAINER_API_VERSION) return LIBRARY_TOO_OLD;
    if (version < CONTAINER_API_VERSION) return LIBRARY_TOO_NEW;
    return NOT_CONTAINERIZED;
}

jlong svm_container_physical_memory(void) {
    return (jlong) sysconf(_SC_PHYS_PAGES) * sysconf(_SC_PAGESIZE);
}

static int available_processors(void) {
    cpu_set_t cpus;
    if (sched_getaffinity(0, sizeof(cpus), &cpus) == 0) return CPU_COUNT(&cpus);
    return (int) sysconf(_SC_NPROCESSORS_ONLN);
}

int svm_container_active_processor_count(void) { return available_processors(); }
/* -1: no limit */
jlong svm_container_memory_limit_in_bytes(void) { return -1; }
jlong svm_container_memory_and_swap_limit_in_bytes(void) { return -1; }
jlong svm_container_memory_soft_limit_in_bytes(void) { return -1; }
jlong svm_container_memory_usage_in_bytes(void) { return -1; }
jlong svm_container_memory_max_usage_in_bytes(void) { return -1; }
jlong svm_container_rss_usage_in_bytes(void) { return -1; }
jlong svm_container_cache_usage_in_bytes(void) { return -1; }

/* ---- Locale (LocaleCHelper): the user's locale from LC_CTYPE / LC_MESSAGES, "en" for C/POSIX */

static svm_locale_props_t locale_props;

/* splits language_COUNTRY.encoding@variant; the parts point into a copy of the setting */
static int parse_locale(int category, char **language, char **script, char **country, char **variant) {
    const char *setting = setlocale(category, NULL);
    if (setting == NULL || strcmp(setting, "C") == 0 || strcmp(setting, "POSIX") == 0) {
        setting = "en_US";
    }
    char *copy = strdup(setting);
    if (copy == NULL) return SVM_LOCALE_INITIALIZATION_OUT_OF_MEMORY;
    char *at = strchr(copy, '@');
    if (at != NULL) *at++ = '\0';
    char *dot = strchr(copy, '.');
    if (dot != NULL) *dot = '\0';
    char *underscore = strchr(copy, '_');
    if (underscore != NULL) *underscore++ = '\0';
    *language = copy;
    *script = "";
    *country = underscore != NULL ? underscore : "";
    *variant = at != NULL ? at : "";
    return SVM_LOCALE_INITIALIZATION_SUCCEEDED;
}

int svm_initialize_locale(void) {
    setlocale(LC_ALL, "");
    svm_locale_props_t *p = &locale_props;
    int result = parse_locale(LC_CTYPE, &p->format_language, &p->format_script, &p->format_country,
                              &p->format_variant);
    if (result == SVM_LOCALE_INITIALIZATION_SUCCEEDED) {
        result = parse_locale(LC_MESSAGES, &p->display_language, &p->display_script, &p->display_country,
                              &p->display_variant);
    }
    return result;
}

svm_locale_props_t *svm_get_locale(void) { return &locale_props; }

/* ---- Time zone (LibCHelper.SVM_FindJavaTZmd): the zone ID of $TZ, else of /etc/localtime's
 * link into the zoneinfo tree, else /etc/timezone; a malloc'd string the caller frees. NULL
 * lets the JDK fall back to GMT. */
char *SVM_FindJavaTZmd(const char *tzmappings, int length) {
    (void) tzmappings; (void) length; /* Windows only */
    const char *tz = getenv("TZ");
    if (tz != NULL && *tz != '\0') {
        if (*tz == ':') tz++;
        const char *zoneinfo = strstr(tz, "zoneinfo/");
        return strdup(zoneinfo != NULL ? zoneinfo + strlen("zoneinfo/") : tz);
    }
    char link[PATH_MAX];
    ssize_t n = readlink("/etc/localtime", link, sizeof(link) - 1);
    if (n > 0) {
        link[n] = '\0';
        const char *zoneinfo = strstr(link, "zoneinfo/");
        if (zoneinfo != NULL) return strdup(zoneinfo + strlen("zoneinfo/"));
    }
    FILE *file = fopen("/etc/timezone", "r");
    if (file != NULL) {
        char line[256];
        char *zone = fgets(line, sizeof(line), file) != NULL ? strdup(strtok(line, " \t\r\n")) : NULL;
        fclose(file);
        return zone;
    }
    return NULL;
}

/* ---- Signals (CSunMiscSignal): the handler runs on any thread with no Java state, so it only
 * counts the signal and posts a semaphore the image's dispatcher thread waits on. */

static volatile int signals_owned;
static volatile long pending_signals[NSIG];
static sem_t signal_posted;

static void count_signal(int signal) {
    __atomic_fetch_add(&pending_signals[signal], 1, __ATOMIC_SEQ_CST);
    sem_post(&signal_posted);
}

/* 0 when this isolate now owns the mechanism, 1 when another one does, -1 on error */
int cSunMiscSignal_open(void) {
    int expected = 0;
    if (!__atomic_compare_exchange_n(&signals_owned, &expected, 1, false, __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST)) {
        return 1;
    }
    memset((void *) pending_signals, 0, sizeof(pending_signals));
    return sem_init(&signal_posted, 0, 0) == 0 ? 0 : -1;
}

int cSunMiscSignal_close(void) {
    int result = sem_destroy(&signal_posted);
    if (result == 0) signals_owned = 0;
    return result;
}

int cSunMiscSignal_awaitSemaphore(void) {
    int result = sem_wait(&signal_posted);
    return result == -1 && errno == EINTR ? 0 : result; /* an interruption counts as a wake-up */
}

int cSunMiscSignal_signalSemaphore(void) { return sem_post(&signal_posted); }

bool cSunMiscSignal_signalRangeCheck(int signal) { return signal > 0 && signal < NSIG; }

/* the first pending signal, counted down once, or -1 */
int cSunMiscSignal_checkPendingSignal(void) {
    for (int signal = 1; signal < NSIG; signal++) {
        long count = pending_signals[signal];
        while (count > 0) {
            if (__atomic_compare_exchange_n(&pending_signals[signal], &count, count - 1, false,
                                            __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST)) {
                return signal;
            }
        }
    }
    return -1;
}

void (*cSunMiscSignal_signalHandlerFunctionPointer(void))(int) { return count_signal; }

/* ---- libc calls the image cannot make itself: variadic functions and a raw syscall */

int fprintfSD(FILE *stream, const char *format, char *s, int d) { return fprintf(stream, format, s, d); }
int openSII(const char *path, int flags, int mode) { return open(path, flags, mode); }
void *mremapP(void *old_address, size_t old_size, size_t new_size, int flags, void *new_address) {
    return mremap(old_address, old_size, new_size, flags, new_address);
}
pid_t getThreadId(void) { return (pid_t) syscall(SYS_gettid); }

/* Jvm.initialize(): nothing to set up here */
void initialize(void) {}

/* ---- The JDK's JNI libraries. The image calls JNI_OnLoad_<lib> of each library it links, as
 * for the JDK's static libraries; here they are Temurin's shared ones, so each entry point calls
 * that library's JNI_OnLoad (libzip and libextnet have none and need none). */

static jint call_onload(const char *library, JavaVM *vm, void *reserved) {
    void *handle = dlopen(library, RTLD_NOW | RTLD_NOLOAD);
    jint (*onload)(JavaVM *, void *) = handle != NULL ? (jint (*)(JavaVM *, void *)) dlsym(handle, "JNI_OnLoad") : NULL;
    if (onload == NULL) {
        fprintf(stderr, "native image: %s is not loaded or has no JNI_OnLoad\n", library);
        return JNI_ERR;
    }
    jint version = onload(vm, reserved);
    /* a library linked into the program must answer 1.8 or later (JNI spec, static libraries);
     * the same code built statically does, the shared build answers the version it needs */
    return version > 0 && version < JNI_VERSION_1_8 ? JNI_VERSION_1_8 : version;
}

JNIEXPORT jint JNICALL JNI_OnLoad_java(JavaVM *vm, void *reserved) { return call_onload("libjava.so", vm, reserved); }
JNIEXPORT jint JNICALL JNI_OnLoad_nio(JavaVM *vm, void *reserved) { return call_onload("libnio.so", vm, reserved); }
JNIEXPORT jint JNICALL JNI_OnLoad_net(JavaVM *vm, void *reserved) { return call_onload("libnet.so", vm, reserved); }
JNIEXPORT jint JNICALL JNI_OnLoad_zip(JavaVM *vm, void *reserved) { return JNI_VERSION_1_8; }
JNIEXPORT jint JNICALL JNI_OnLoad_extnet(JavaVM *vm, void *reserved) { return JNI_VERSION_1_8; }
