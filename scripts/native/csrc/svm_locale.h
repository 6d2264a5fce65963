/* The locale structure the image's C interface declares (com.oracle.svm.core.posix.headers.Locale);
 * the builder compiles a query program against this header to learn its layout. */
const int SVM_LOCALE_INITIALIZATION_USE_DEFAULT = 0;
const int SVM_LOCALE_INITIALIZATION_SUCCEEDED = 1;
const int SVM_LOCALE_INITIALIZATION_OUT_OF_MEMORY = 2;

typedef struct {
    char *format_language;
    char *format_script;
    char *format_country;
    char *format_variant;
    char *display_language;
    char *display_script;
    char *display_country;
    char *display_variant;
} svm_locale_props_t;
