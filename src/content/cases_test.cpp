// Runs the case files in tests/cases: "### description", input, "---", expected output.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>

#include "content/body.hpp"
#include "core/text.hpp"
#include "test_paths.hpp"

namespace blogarchive::content {
namespace {

struct Case {
  std::string file;
  std::string name;
  std::string input;
  std::string expected;
};

std::vector<Case> load_cases() {
  std::vector<Case> cases;
  const auto dir = testing::source_dir() / "tests" / "cases";
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.path().extension() == ".cases") {
      files.push_back(entry.path());
    }
  }
  std::sort(files.begin(), files.end());
  for (const auto& path : files) {
    const std::string text = testing::read_file(path);
    std::size_t at = text.find("### ");
    while (at != std::string::npos) {
      const std::size_t next = text.find("\n### ", at);
      const std::string block = text.substr(at, next == std::string::npos ? next : next - at + 1);
      const std::size_t name_end = block.find('\n');
      const std::size_t separator = block.find("\n---\n");
      Case c{path.stem().string(), block.substr(4, name_end - 4), {}, {}};
      if (separator != std::string::npos) {
        c.input = block.substr(name_end + 1, separator - name_end - 1);
        c.expected = std::string(core::trim(block.substr(separator + 5)));
      }
      cases.push_back(std::move(c));
      at = next == std::string::npos ? next : next + 1;
    }
  }
  return cases;
}

class FixedResolver : public LinkResolver {
 public:
  LinkDecision resolve(std::string_view url) const override {
    if (url == "http://old.example.org/?p=1" || url == "http://old.example.org/2009/05/hallo/") {
      return {LinkDecision::Action::Rewrite, "/2009/05/hallo/"};
    }
    if (url == "http://old.example.org/?p=2") {
      return {LinkDecision::Action::Unlink, {}};
    }
    return {};
  }
};

std::string run_case(const Case& c) {
  static const FixedResolver resolver;
  BodyOptions options;
  options.resolver = &resolver;
  options.embed_label = "Embedded: ";
  options.images.remote_label = "image on ";
  options.images.missing_label = "missing image: ";
  // Local images exist unless their name says otherwise.
  options.images.local_file_exists = [](std::string_view url) {
    return url.find("missing") == std::string_view::npos;
  };
  options.shortcodes.attached_media = {
      {7, "http://old.example.org/wp-content/uploads/a.jpg", "A", "Die <em>erste</em>"},
      {8, "http://old.example.org/wp-content/uploads/b.jpg", "", ""}};
  if (c.file == "comments") {
    options.policy = &comment_policy();
  }
  if (c.file == "markdown") {
    options.markup = Markup::Markdown;
  }
  return render_body(c.input, options).html;
}

}  // namespace

// BLOGARCHIVE_UPDATE_GOLDEN=1 writes every case's actual output as its expected one;
// `git diff tests/cases` then shows what changed, to be read line by line.
void update_case_files(const std::vector<Case>& cases) {
  std::map<std::string, std::string> files;
  for (const auto& c : cases) {
    std::string& text = files[c.file];
    text += (text.empty() ? "### " : "\n### ") + c.name + "\n" + c.input + "\n---\n";
    const std::string actual = run_case(c);
    text += actual.empty() ? "" : actual + "\n";
  }
  for (const auto& [file, text] : files) {
    std::ofstream(testing::source_dir() / "tests" / "cases" / (file + ".cases"), std::ios::binary)
        << text;
  }
}

TEST(ContentCases, EveryCaseGivesItsExpectedOutput) {
  const auto cases = load_cases();
  ASSERT_GT(cases.size(), 20u);
  if (std::getenv("BLOGARCHIVE_UPDATE_GOLDEN") != nullptr) {
    update_case_files(cases);
    GTEST_SKIP() << "case files rewritten from the current output";
  }
  for (const auto& c : cases) {
    const std::string once = run_case(c);
    EXPECT_EQ(once, c.expected) << c.file << ".cases: " << c.name;
    // Sanitizing is idempotent: the output is a fixed point of the pipeline's sanitizer.
    std::vector<HtmlNode> again = parse_fragment(once);
    sanitize(again, c.file == "comments" ? comment_policy() : content_policy());
    EXPECT_EQ(serialize(again), once) << c.file << ".cases (idempotence): " << c.name;
  }
}

}  // namespace blogarchive::content
