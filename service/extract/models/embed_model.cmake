# Writes a C++ source that holds the bytes of a model file, so the engine is built
# with its models and needs no data path at run time (score/builtin_models).
# Usage: cmake -DIN=model.json -DOUT=model_data.cc -DSYMBOL=kName -P embed_model.cmake
# The bytes go in as hex escapes of one string literal, so any file embeds; two
# symbols: SYMBOL (the bytes, NUL after them) and SYMBOLSize.
file(READ "${IN}" hex HEX)
string(LENGTH "${hex}" hex_length)
math(EXPR size "${hex_length} / 2")
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "\\\\x\\1" bytes "${hex}")
file(WRITE "${OUT}"
  "// Generated from ${IN} by embed_model.cmake; do not edit.\n"
  "extern const char ${SYMBOL}[];\n"
  "extern const unsigned long ${SYMBOL}Size;\n"
  "const char ${SYMBOL}[] = \"${bytes}\";\n"
  "const unsigned long ${SYMBOL}Size = ${size};\n")
