#include "cli/commands/search_common.h"

#include <sys/stat.h>

#include <fstream>
#include <sstream>

#include <fmt/format.h>

#include "cli/commands.h"
#include "core/error.h"
#include "core/text.h"

namespace jobfit::cli {

Contact resolveContact(Store& store, const std::string& idOrName, std::string_view field) {
  auto text = std::string(trim(idOrName));
  if (!text.empty() && text.find_first_not_of("0123456789") == std::string::npos)
    return requireContact(store, parseId(text, field));
  auto key = normalizeKey(text);
  std::vector<Contact> matches;
  for (auto& c : store.contacts().list())
    if (normalizeKey(c.name) == key) matches.push_back(std::move(c));
  if (matches.empty())
    throw Error(ErrorCode::not_found, fmt::format("no contact named '{}'", text), std::string(field),
                fmt::format("add them first: jobfit contact add \"{}\"", text));
  if (matches.size() > 1) {
    std::vector<std::string> ids;
    for (const auto& c : matches) ids.push_back(std::to_string(c.id));
    throw Error(ErrorCode::usage,
                fmt::format("{} contacts are named '{}' (ids {})", matches.size(), text, join(ids, ", ")),
                std::string(field), "give the contact's id instead");
  }
  return matches.front();
}

std::string readInput(Context& ctx, const std::string& path) {
  std::stringstream buffer;
  if (path == "-") {
    buffer << ctx.in().rdbuf();
    return buffer.str();
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(ErrorCode::io, fmt::format("cannot read {}", path), "file");
  buffer << in.rdbuf();
  return buffer.str();
}

void writeOutput(Context& ctx, const std::string& path, const std::string& text) {
  if (path == "-") {
    ctx.out() << text;
    return;
  }
  std::string tmp = path + ".tmp";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    if (!out) throw Error(ErrorCode::io, fmt::format("cannot write {}", path), "file");
    ::chmod(tmp.c_str(), 0600);
    out << text;
    if (!out.flush()) throw Error(ErrorCode::io, fmt::format("cannot write {}", path), "file");
  }
  std::error_code ec;
  std::filesystem::rename(tmp, path, ec);
  if (ec) throw Error(ErrorCode::io, fmt::format("cannot write {}: {}", path, ec.message()), "file");
}

std::string describe(const Application& a) { return fmt::format("{} at {}", a.title, a.company); }

std::string cut(const std::string& text, size_t width) {
  if (displayWidth(text) <= width) return text;
  std::string out;
  size_t n = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    auto c = static_cast<unsigned char>(text[i]);
    if ((c & 0xC0) != 0x80) {
      if (n == width - 3) break;
      ++n;
    }
    out += text[i];
  }
  return out + "...";
}

}  // namespace jobfit::cli
