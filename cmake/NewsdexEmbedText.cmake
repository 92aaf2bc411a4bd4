# newsdex_embed_text(TARGET FILE NAMESPACE NAME): compiles the text of FILE (relative to the
# current source folder) into TARGET as `const std::string_view NAMESPACE::NAME`, so that a
# program prints its usage prose without looking for a file at run time. Editing FILE
# re-runs CMake.
function(newsdex_embed_text target file namespace name)
  set(source "${CMAKE_CURRENT_SOURCE_DIR}/${file}")
  file(READ "${source}" NEWSDEX_EMBEDDED_TEXT)
  if(NEWSDEX_EMBEDDED_TEXT MATCHES "\\)newsdex_text\"")
    message(FATAL_ERROR "${file} contains the raw-string delimiter )newsdex_text\"")
  endif()
  set(NEWSDEX_EMBEDDED_FILE "${file}")
  set(NEWSDEX_EMBEDDED_NAMESPACE "${namespace}")
  set(NEWSDEX_EMBEDDED_NAME "${name}")
  set(generated "${CMAKE_CURRENT_BINARY_DIR}/${name}.cpp")
  configure_file("${PROJECT_SOURCE_DIR}/cmake/embedded_text.cpp.in" "${generated}" @ONLY)
  set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS "${source}")
  target_sources(${target} PRIVATE "${generated}")
endfunction()
