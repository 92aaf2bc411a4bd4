# Warnings and sanitizers live on an INTERFACE target that every newsdex target links,
# never in global flags, so third-party code is compiled as its authors intended.
add_library(newsdex_options INTERFACE)
add_library(newsdex::options ALIAS newsdex_options)

target_compile_options(newsdex_options INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wold-style-cast -Wcast-align
  -Woverloaded-virtual -Wnull-dereference -Wimplicit-fallthrough)
if(NEWSDEX_WERROR)
  target_compile_options(newsdex_options INTERFACE -Werror)
endif()
if(NEWSDEX_SANITIZE)
  target_compile_options(newsdex_options INTERFACE
    -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer)
  target_link_options(newsdex_options INTERFACE -fsanitize=address,undefined)
endif()
if(NEWSDEX_FUZZ)
  # Coverage for libFuzzer in every newsdex target; the fuzz programs link libFuzzer's main.
  target_compile_options(newsdex_options INTERFACE
    -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer)
  target_link_options(newsdex_options INTERFACE -fsanitize=address,undefined)
endif()
