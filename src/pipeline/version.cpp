#include "blogarchive/blogarchive.hpp"

namespace blogarchive {

const char* version() {
  return BLOGARCHIVE_VERSION;
}

}  // namespace blogarchive
