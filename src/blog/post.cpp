#include "blog/post.hpp"

#include <fmt/format.h>

namespace blogarchive::blog {

bool is_published(const Post& post) {
  return (post.type == "post" || post.type == "page") && post.status == "publish" &&
         !post.has_password;
}

std::string describe(const Post& post) {
  return post.title.empty() ? fmt::format("{} {}", post.type.empty() ? "item" : post.type, post.id)
                            : fmt::format("{} {} \"{}\"", post.type.empty() ? "item" : post.type,
                                          post.id, post.title);
}

}  // namespace blogarchive::blog
