// Small string helpers shared by parsers and renderers.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace jobfit {

std::string_view trim(std::string_view s);
std::string toLower(std::string_view s);
// Splits on a delimiter; trims each piece; drops empty pieces.
std::vector<std::string> splitList(std::string_view s, char delimiter = ',');
std::string join(const std::vector<std::string>& parts, std::string_view separator);
// Lower case, runs of non-alphanumerics folded to one space: for duplicate detection.
std::string normalizeKey(std::string_view s);
// Number of UTF-8 code points, for aligning terminal tables.
size_t displayWidth(std::string_view s);

}  // namespace jobfit
