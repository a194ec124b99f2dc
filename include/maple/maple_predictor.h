/* MAPLE Workbench predictor C API: load a .maplepred file and predict NAS-Bench-201 latencies (ms).
 *
 * Usable from C, C++ and Python ctypes (/usr/share/doc/maple/python-ctypes.md). Link with
 * -lmaple_predictor, or use pkg-config (maple-predictor) or CMake (find_package(MaplePredictor),
 * target Maple::predictor); the Python module (python.md) is the richer way from Python.
 *
 * Errors: functions returning a pointer return NULL, functions returning int return -1, and
 * maple_last_error() then gives the reason as text (per thread; valid until the thread's next
 * call into this library).
 *
 * Threads: a handle may be used for predictions from several threads at once; maple_predictor_bind
 * and maple_predictor_close must not run concurrently with any other call on the same handle.
 *
 * Architectures are either NAS-Bench-201 strings ("|nor_conv_3x3~0|+|none~0|skip_connect~1|+|...|")
 * or cell codes: the base-5 number of the six edge operations in string order (edge 0 most
 * significant; none 0, skip_connect 1, nor_conv_1x1 2, nor_conv_3x3 3, avg_pool_3x3 4), 0..15624.
 * The code is intrinsic to the cell; NAS-Bench-201's own index is a different numbering that only
 * its data files carry (maple_arch_code converts a string). */
#ifndef MAPLE_PREDICTOR_H
#define MAPLE_PREDICTOR_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define MAPLE_PREDICTOR_API_VERSION 4

/* The library is built with hidden visibility; these are its only exported symbols. */
#if defined(__GNUC__)
#define MAPLE_API __attribute__((visibility("default")))
#else
#define MAPLE_API
#endif

typedef struct maple_predictor maple_predictor;

/* The API version of the loaded library (MAPLE_PREDICTOR_API_VERSION when built against it). */
MAPLE_API int maple_predictor_api_version(void);

/* Opens and fully validates a predictor file. NULL on failure. */
MAPLE_API maple_predictor* maple_predictor_open(const char* path);
/* Frees the handle; NULL is ignored. */
MAPLE_API void maple_predictor_close(maple_predictor* p);

/* The file's header as JSON text (method, descriptor, devices, evaluation, provenance); valid until close. */
MAPLE_API const char* maple_predictor_info(const maple_predictor* p);
/* The descriptor kind the predictor uses, and the value names it was trained with. */
MAPLE_API const char* maple_predictor_descriptor_kind(const maple_predictor* p);
MAPLE_API size_t maple_predictor_descriptor_count(const maple_predictor* p);
MAPLE_API const char* maple_predictor_descriptor_name(const maple_predictor* p, size_t i); /* NULL when out of range */

/* The search space the predictor's architectures are of ("nb201", "fbnet"); valid until close.
 * Architecture strings are parsed with it. (API 4) */
MAPLE_API const char* maple_predictor_search_space(const maple_predictor* p);

/* The device predictions are for: the adapted device, the bound one, or "" while a pool-trained
 * predictor is unbound. */
MAPLE_API const char* maple_predictor_device(const maple_predictor* p);

/* Binds a pool-trained predictor to a device described by `count` (name, value) pairs of its
 * descriptor kind (adaptation with zero shots). Values are matched by name; unknown names are an
 * error, missing ones are tolerated when the method allows it. Binding again replaces the previous
 * binding. -1 for a predictor adapted to a device already. */
MAPLE_API int maple_predictor_bind(maple_predictor* p, const char* device, const char* const* names, const double* values,
                                   size_t count);

/* Predicted latency in ms of each architecture into out_ms[0..count). -1 on any invalid
 * architecture (out_ms is then unspecified) or an unbound pool-trained predictor. Strings are of
 * the predictor's search space (API 4: before, NAS-Bench-201 only); codes exist only for an
 * enumerable space (nb201's cell codes): -1 for any other ("fbnet has no integer index"). */
MAPLE_API int maple_predictor_predict_strings(const maple_predictor* p, const char* const* archs, size_t count, double* out_ms);
MAPLE_API int maple_predictor_predict_codes(const maple_predictor* p, const int32_t* codes, size_t count, double* out_ms);

/* Per-prediction uncertainty (relative, 1 sigma in log space) of each cell into out_spread[0..count).
 * -1 when the method gives none (maple_last_error names it) or as for the predictions. (API 2) */
MAPLE_API int maple_predictor_spread_codes(const maple_predictor* p, const int32_t* codes, size_t count, double* out_spread);

/* A new handle adapted to a device from `count` measured shots (cell code, latency in ms). The
 * device's descriptor is given as `value_count` (name, value) pairs; with value_count 0 a
 * reference-latency predictor builds it from the shots that are HELP's reference architectures.
 * `p` must be pool-trained (maple_predictor_device(p) is ""); it is left unchanged. NULL on failure.
 * Close the new handle with maple_predictor_close. (API 2) */
MAPLE_API maple_predictor* maple_predictor_adapt(const maple_predictor* p, const char* device, const int32_t* codes,
                                                 const double* latencies_ms, size_t count, const char* const* names,
                                                 const double* values, size_t value_count);

/* maple_predictor_adapt with the shots given as architecture strings of the predictor's search
 * space, for spaces without codes (FBNet). (API 4) */
MAPLE_API maple_predictor* maple_predictor_adapt_strings(const maple_predictor* p, const char* device,
                                                         const char* const* archs, const double* latencies_ms,
                                                         size_t count, const char* const* names, const double* values,
                                                         size_t value_count);

/* The cell code of each NAS-Bench-201 dataset index (the order of NAS-Bench-201's own files and
 * HELP's tables) into out_codes[0..count), from the index table the predictor file carries when it
 * was made in a project that imported the whole table. -1 when the file has none or an index is
 * outside 0..15624 (maple_last_error says which). (API 3) */
MAPLE_API int maple_predictor_index_codes(const maple_predictor* p, const int64_t* indices, size_t count, int32_t* out_codes);

/* Writes the handle's predictor (as opened, or as adapted) to a .maplepred file, atomically; -1 when
 * `path` exists and `overwrite` is 0, or on a write error. (API 2) */
MAPLE_API int maple_predictor_save(const maple_predictor* p, const char* path, int overwrite);

/* The architecture string of a cell code into buf (NUL-terminated); the length it needs (without
 * the NUL) or -1 for a code outside 0..15624. (API 2) */
MAPLE_API int maple_arch_string(int32_t code, char* buf, size_t size);

/* The canonical string of an architecture of search space `space` into buf (NUL-terminated); the
 * length it needs (without the NUL), or -1 for an unknown space or an invalid string. (API 4) */
MAPLE_API int maple_arch_canonical(const char* space, const char* arch, char* buf, size_t size);

/* The cell code of an architecture string, or -1 when it is not a valid NAS-Bench-201 cell. */
MAPLE_API int32_t maple_arch_code(const char* arch);

/* Text of this thread's last error ("" when none). */
MAPLE_API const char* maple_last_error(void);

#ifdef __cplusplus
}
#endif

#endif /* MAPLE_PREDICTOR_H */
