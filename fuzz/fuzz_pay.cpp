// The pay parser on arbitrary text: every mention must have a figure, a period, a currency
// and evidence inside the text.
#include <cstdlib>
#include <string_view>

#include "postings/pay.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  for (const auto& m : jobfit::findPay(text)) {
    const auto& pay = m.pay;
    if (!pay.min && !pay.max) std::abort();
    if (pay.min && pay.max && *pay.min > *pay.max) std::abort();
    if (pay.currency.size() != 3) std::abort();
    if (pay.evidence.size() != 1 || pay.evidence[0].end > size ||
        pay.evidence[0].begin > pay.evidence[0].end ||
        text.substr(pay.evidence[0].begin, pay.evidence[0].end - pay.evidence[0].begin) !=
            pay.evidence[0].text)
      std::abort();
  }
  return 0;
}
