#include "render/view.hpp"

namespace blogarchive::render {

View View::object(std::initializer_list<Field> fields) {
  View view;
  view.fields_.assign(fields.begin(), fields.end());
  return view;
}

View View::list(std::vector<View> items) {
  View view;
  view.kind_ = Kind::List;
  view.items_ = std::move(items);
  return view;
}

View View::text_or_false(std::string text) {
  return text.empty() ? View(false) : View(std::move(text));
}

View& View::set(std::string name, View value) {
  fields_.emplace_back(std::move(name), std::move(value));
  return *this;
}

void View::hash_into(core::ContentHash& hash) const {
  hash.add(static_cast<std::int64_t>(kind_));
  switch (kind_) {
    case Kind::Text:
      hash.add(text_);
      break;
    case Kind::Flag:
      hash.add(static_cast<std::int64_t>(flag_));
      break;
    case Kind::List:
      hash.add(static_cast<std::int64_t>(items_.size()));
      for (const auto& item : items_) {
        item.hash_into(hash);
      }
      break;
    case Kind::Object:
      hash.add(static_cast<std::int64_t>(fields_.size()));
      for (const auto& [name, value] : fields_) {
        hash.add(name);
        value.hash_into(hash);
      }
      break;
  }
}

}  // namespace blogarchive::render
