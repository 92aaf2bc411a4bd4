# Third-party libraries, each found once and exposed as an imported target.

# Xapian 1.4's CMake config sets variables only: wrap them in a target.
find_package(xapian 1.4 REQUIRED CONFIG)
if(NOT TARGET Xapian::Xapian)
  add_library(Xapian::Xapian UNKNOWN IMPORTED)
  set_target_properties(Xapian::Xapian PROPERTIES
    IMPORTED_LOCATION "${XAPIAN_SHARED_LIBRARY}"
    INTERFACE_INCLUDE_DIRECTORIES "${XAPIAN_INCLUDE_DIR}")
endif()

find_package(Boost 1.74 REQUIRED COMPONENTS program_options)
find_package(simdjson REQUIRED CONFIG)
# Compressed files and archives read as streams (libarchive-dev); CMake's module makes
# LibArchive::LibArchive.
find_package(LibArchive 3 REQUIRED)
# Stored fields compressed with a trained dictionary (libzstd-dev): zstd::libzstd_shared.
find_package(zstd 1.4 REQUIRED CONFIG)

# Libraries without a CMake config or pkg-config file: a header and a library, wrapped once.
function(newsdex_import_library target header library)
  find_path(${library}_INCLUDE_DIR ${header} REQUIRED)
  find_library(${library}_LIBRARY ${library} REQUIRED)
  add_library(${target} UNKNOWN IMPORTED)
  set_target_properties(${target} PROPERTIES
    IMPORTED_LOCATION "${${library}_LIBRARY}"
    INTERFACE_INCLUDE_DIRECTORIES "${${library}_INCLUDE_DIR}")
endfunction()

# Snowball stemmers Xapian 1.4 lacks (Greek, Hindi, Serbian, Yiddish): libstemmer-dev.
newsdex_import_library(Snowball::stemmer libstemmer.h stemmer)
# Compact Language Detector 2: libcld2-dev.
newsdex_import_library(CLD2::CLD2 cld2/public/compact_lang_det.h cld2)

# HTTP for newsdex-serve (libcpp-httplib-dev): Debian builds cpp-httplib as a shared library
# with TLS, zlib and Brotli support, and its classes' layout follows those switches, so every
# user of the header compiles with them on, as its pkg-config file says.
newsdex_import_library(httplib::httplib httplib.h cpp-httplib)
set_property(TARGET httplib::httplib PROPERTY INTERFACE_COMPILE_DEFINITIONS
  CPPHTTPLIB_OPENSSL_SUPPORT CPPHTTPLIB_ZLIB_SUPPORT CPPHTTPLIB_BROTLI_SUPPORT)
