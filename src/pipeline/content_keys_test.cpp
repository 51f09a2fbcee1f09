// The render cache's key covers every setting the content pipeline reads: changing any
// one field of ContentInputs::Settings changes it. (A field added to Settings without
// being hashed stops the build at hash_into's static_assert; this test then needs the
// new field's line too.)
#include <gtest/gtest.h>

#include <functional>
#include <set>

#include "pipeline/content_rendering.hpp"
#include "search/index.hpp"

namespace blogarchive::pipeline {
namespace {

std::uint64_t key_of(const ContentInputs::Settings& settings) {
  core::ContentHash hash;
  settings.hash_into(hash);
  return hash.digest();
}

TEST(ContentKeys, EverySettingChangesTheKey) {
  const ContentInputs::Settings base{"Eingebettet: ",
                                     "Bild auf ",
                                     "Bild fehlt: ",
                                     false,
                                     content::WaybackLinks::Mode::Off,
                                     "archivierte Fassung",
                                     {"/assets/style.css"},
                                     {}};
  const std::vector<std::pair<const char*, std::function<void(ContentInputs::Settings&)>>> changes{
      {"embed_label", [](auto& s) { s.embed_label = "Embedded: "; }},
      {"remote_image_label", [](auto& s) { s.remote_image_label = "Image on "; }},
      {"missing_image_label", [](auto& s) { s.missing_image_label = "Missing: "; }},
      {"allow_remote_images", [](auto& s) { s.allow_remote_images = true; }},
      {"wayback", [](auto& s) { s.wayback = content::WaybackLinks::Mode::Beside; }},
      {"wayback_label", [](auto& s) { s.wayback_label = "archived copy"; }},
      {"published_files",
       [](auto& s) { s.published_files.insert("/wp-content/uploads/bild.jpg"); }},
      {"contacts.enabled", [](auto& s) { s.contacts.enabled = true; }},
      {"contacts.email_label", [](auto& s) { s.contacts.email_label = "[entfernt]"; }},
      {"contacts.phone_label", [](auto& s) { s.contacts.phone_label = "[entfernt]"; }},
  };
  std::set<std::uint64_t> keys{key_of(base)};
  for (const auto& [field, change] : changes) {
    ContentInputs::Settings changed = base;
    change(changed);
    EXPECT_TRUE(keys.insert(key_of(changed)).second) << field << " does not change the key";
  }
}

TEST(ContentKeys, EveryScoringParameterChangesTheSearchKey) {
  const auto key_of_scoring = [](const search::Scoring& scoring) {
    core::ContentHash hash;
    search::IndexBuilder(search::Language::German, scoring).add_settings_to(hash);
    return hash.digest();
  };
  const std::vector<std::pair<const char*, double search::Scoring::*>> fields{
      {"title", &search::Scoring::title}, {"terms", &search::Scoring::terms},
      {"body", &search::Scoring::body},   {"compound_part", &search::Scoring::compound_part},
      {"k1", &search::Scoring::k1},       {"b", &search::Scoring::b}};
  std::set<std::uint64_t> keys{key_of_scoring({})};
  for (const auto& [name, field] : fields) {
    search::Scoring changed;
    changed.*field += 0.25;
    EXPECT_TRUE(keys.insert(key_of_scoring(changed)).second) << name << " does not change the key";
  }
}

}  // namespace
}  // namespace blogarchive::pipeline
