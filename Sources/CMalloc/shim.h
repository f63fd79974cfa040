/* The C library's allocator controls (mallopt), which the Glibc module leaves out. */
#ifndef BEARMON_CMALLOC_SHIM_H
#define BEARMON_CMALLOC_SHIM_H
#include <malloc.h>
#endif
