/*
 * bench_c_writer: the C ceiling for finmodel's .xlsx export.
 *
 * Writes N formula cells straight through libxlsxwriter, shaped like a financial model: each row has
 * two inputs (A = opening value, B = monthly change) and then a chain of 36 period columns: C is
 * `=A{r}*1.01+B{r}`, D is `=C{r}*1.01+B{r}`, and so on, each with its numeric result cached
 * (worksheet_write_formula_num).
 * Prints one JSON line: cells written, wall-clock seconds spent writing cells and in workbook_close,
 * total seconds, CPU seconds (user + system, steadier than wall time on a shared machine), peak RSS
 * (getrusage) and the output size.
 *
 * Build:  make -C scripts/bench_c_writer
 *   (or)  cc -O2 -o bench_c_writer bench_c_writer.c $(pkg-config --cflags --libs xlsxwriter)
 * Run:    ./bench_c_writer N [output.xlsx] [--constant-memory]
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <time.h>
#include <xlsxwriter.h>

#define PERIODS 36 /* formula columns per row: C .. AL, three years of months */

static double now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void column_name(int column, char *out) {
    char reversed[8];
    int length = 0;
    for (int n = column + 1; n > 0; n = (n - 1) / 26)
        reversed[length++] = (char)('A' + (n - 1) % 26);
    for (int i = 0; i < length; i++)
        out[i] = reversed[length - 1 - i];
    out[length] = '\0';
}

static int fail(const char *call, lxw_error error) {
    fprintf(stderr, "%s: %s\n", call, lxw_strerror(error));
    return 1;
}

int main(int argc, char **argv) {
    if (argc < 2) {
        fprintf(stderr, "usage: %s N [output.xlsx] [--constant-memory]\n", argv[0]);
        return 2;
    }
    long target = atol(argv[1]);
    const char *path = argc > 2 && argv[2][0] != '-' ? argv[2] : "bench_c_writer.xlsx";
    int constant_memory = argc > 2 && strcmp(argv[argc - 1], "--constant-memory") == 0;
    if (target <= 0 || (target + PERIODS - 1) / PERIODS >= LXW_ROW_MAX) {
        fprintf(stderr, "N must be between 1 and %ld\n", (long)(LXW_ROW_MAX - 1) * PERIODS);
        return 2;
    }

    char names[PERIODS + 2][4];
    for (int c = 0; c < PERIODS + 2; c++)
        column_name(c, names[c]);

    double start = now();
    lxw_workbook_options options = {.constant_memory = (uint8_t)constant_memory, .tmpdir = NULL};
    lxw_workbook *workbook = workbook_new_opt(path, &options);
    if (!workbook)
        return fail("workbook_new_opt", LXW_ERROR_MEMORY_MALLOC_FAILED);
    lxw_doc_properties properties = {.created = 946684800}; /* pinned, as finmodel does */
    workbook_set_properties(workbook, &properties);
    lxw_worksheet *sheet = workbook_add_worksheet(workbook, "Model");
    if (!sheet)
        return fail("workbook_add_worksheet", LXW_ERROR_MEMORY_MALLOC_FAILED);

    char formula[256];
    long formulas = 0, numbers = 0;
    lxw_error error;
    for (lxw_row_t row = 0; formulas < target; row++) {
        double value = 1000.0 + row, change = (double)(row % 7);
        if ((error = worksheet_write_number(sheet, row, 0, value, NULL)))
            return fail("worksheet_write_number", error);
        if ((error = worksheet_write_number(sheet, row, 1, change, NULL)))
            return fail("worksheet_write_number", error);
        numbers += 2;
        for (lxw_col_t col = 2; col < PERIODS + 2 && formulas < target; col++, formulas++) {
            value = value * 1.01 + change;
            /* First period grows the opening value in A, later ones the previous period. */
            int previous = col == 2 ? 0 : col - 1;
            snprintf(formula, sizeof formula, "=%s%u*1.01+B%u", names[previous], row + 1, row + 1);
            if ((error = worksheet_write_formula_num(sheet, row, col, formula, NULL, value)))
                return fail("worksheet_write_formula_num", error);
        }
    }
    double written = now();
    if ((error = workbook_close(workbook)))
        return fail("workbook_close", error);
    double closed = now();

    struct rusage usage;
    getrusage(RUSAGE_SELF, &usage);
    struct stat info;
    long long bytes = stat(path, &info) == 0 ? (long long)info.st_size : -1;
    double cpu = (double)(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
                 (double)(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
    printf("{\"formula_cells\": %ld, \"number_cells\": %ld, \"constant_memory\": %s, "
           "\"write_seconds\": %.3f, \"close_seconds\": %.3f, \"seconds\": %.3f, "
           "\"cpu_seconds\": %.3f, \"peak_rss_kb\": %ld, \"bytes\": %lld, "
           "\"libxlsxwriter\": \"%s\"}\n",
           formulas, numbers, constant_memory ? "true" : "false", written - start,
           closed - written, closed - start, cpu, usage.ru_maxrss, bytes, lxw_version());
    return 0;
}
