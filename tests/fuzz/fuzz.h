/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>
#include <stddef.h>
#include <stdint.h>

/* What every fuzz target defines: libFuzzer calls it (-Dfuzzing=true), and
 * so does tests/fuzz/replay.c, which runs the corpus in the unit suite. */
int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);
int LLVMFuzzerInitialize (int    *argc,
                          char ***argv);

/* The input as a string: up to its first NUL, as a C caller would see it. */
static inline char *
fuzz_text (const uint8_t *data,
           size_t         size)
{
  return g_strndup ((const char *) data, size);
}

/* A fuzz target's own failure: a report libFuzzer keeps, whatever the build. */
#define fuzz_check(expr)                                                     \
  G_STMT_START                                                               \
  {                                                                          \
    if (!(expr))                                                             \
      {                                                                      \
        g_printerr ("%s:%d: check failed: %s\n", __FILE__, __LINE__, #expr); \
        abort ();                                                            \
      }                                                                      \
  }                                                                          \
  G_STMT_END
