// WHOSAYS_COLD marks a function that runs once per process (building a word
// table) or only on an error path: compiled for size and never inlined into
// its caller. The WebAssembly engine is built for speed with a size budget
// (wasm/CMakeLists.txt); code that runs once need not spend that budget.
#pragma once

#if defined(__clang__)
#define WHOSAYS_COLD __attribute__((cold, minsize, noinline))
#elif defined(__GNUC__)
#define WHOSAYS_COLD __attribute__((cold, noinline))
#else
#define WHOSAYS_COLD
#endif
