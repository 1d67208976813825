// The schema as a list of numbered migrations, applied in order and each in a transaction.
#pragma once

#include <string_view>
#include <vector>

namespace jobfit::sqlite {

struct Migration {
  int version;
  std::string_view name;
  std::string_view sql;
};

// All migrations, in increasing version order. The last one's version is the schema version
// this jobfit writes.
const std::vector<Migration>& migrations();
int latestSchemaVersion();

}  // namespace jobfit::sqlite
