#include "cli/commands/posting_source.h"

#include <fstream>
#include <sstream>

#include <fmt/format.h>

#include "core/error.h"
#include "postings/pull.h"

namespace jobfit::cli {

InputFormat formatFlag(const std::optional<std::string>& format) {
  if (!format) return InputFormat::detect;
  auto f = parseInputFormat(*format);
  if (!f)
    throw Error(ErrorCode::usage, fmt::format("unknown format '{}'", *format), "format",
                "use text, html, greenhouse, lever, ashby, csv or jsonl");
  return *f;
}

Source::Source(Context& ctx, const std::string& where) : name_(where) {
  if (where == "-") {
    stream_ = &ctx.in();
  } else if (isUrl(where)) {
    owned_ = std::make_unique<std::istringstream>(fetchUrl(where));
    stream_ = owned_.get();
  } else {
    auto file = std::make_unique<std::ifstream>(where, std::ios::binary);
    if (!*file) throw Error(ErrorCode::io, fmt::format("cannot read {}", where), "file");
    owned_ = std::move(file);
    stream_ = owned_.get();
  }
}

}  // namespace jobfit::cli
