#include "pipeline/zim_export.hpp"

#include <fmt/format.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <map>
#include <ostream>

#include "blogarchive/error.hpp"
#include "core/slug.hpp"
#include "core/text.hpp"

namespace blogarchive::pipeline {
namespace {

constexpr const char* kProgram = "blogarchive-zim";

// Beside this program first (a build tree, an installation), then on PATH.
std::filesystem::path find_zim_program() {
  std::error_code error;
  const auto self = std::filesystem::read_symlink("/proc/self/exe", error);
  if (!error && std::filesystem::is_regular_file(self.parent_path() / kProgram)) {
    return self.parent_path() / kProgram;
  }
  const char* path = std::getenv("PATH");
  for (const auto dir : core::split(path ? path : "", ':')) {
    auto candidate = std::filesystem::path(std::string(dir)) / kProgram;
    if (!dir.empty() && ::access(candidate.c_str(), X_OK) == 0) {
      return candidate;
    }
  }
  throw OutputError(
      fmt::format("--zim needs the program {} beside blogarchive or on PATH; it is built with "
                  "libzim-dev installed (it is GPL-3.0-or-later, see docs/licensing.md)",
                  kProgram));
}

// Whoever wrote the blog: its one author, or the blog itself when several wrote.
std::string creator_of(const SitePlan& plan) {
  if (plan.outline.authors.size() == 1 && !plan.outline.authors[0].display_name.empty()) {
    return plan.outline.authors[0].display_name;
  }
  return plan.model.title;
}

int run(const std::vector<std::string>& argv) {
  std::vector<char*> args;
  args.reserve(argv.size() + 1);
  for (const auto& arg : argv) {
    args.push_back(const_cast<char*>(arg.c_str()));
  }
  args.push_back(nullptr);
  const pid_t child = ::fork();
  if (child == 0) {
    ::execv(args[0], args.data());
    ::_exit(127);
  }
  int status = 0;
  if (child < 0 || ::waitpid(child, &status, 0) != child) {
    return -1;
  }
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

}  // namespace

void export_zim(const std::filesystem::path& zim_file, const std::filesystem::path& site_dir,
                const SitePlan& plan, const std::string& capture_date, std::ostream& report) {
  // ZIM's Language metadata is ISO 639-3.
  static const std::map<std::string, std::string, std::less<>> kIso6393{
      {"de", "deu"}, {"en", "eng"}, {"fr", "fra"}, {"es", "spa"}, {"it", "ita"},
      {"nl", "nld"}, {"pt", "por"}, {"pl", "pol"}, {"sv", "swe"}, {"da", "dan"}};
  const auto code = kIso6393.find(plan.config.language);
  const std::string language = code == kIso6393.end() ? "eng" : code->second;
  std::string name = core::slugify(plan.model.title);
  std::replace(name.begin(), name.end(), '-', '_');
  const std::vector<std::string> argv{
      find_zim_program().string(),
      "--site",
      site_dir.string(),
      "--out",
      zim_file.string(),
      "--title",
      plan.model.title,
      "--description",
      plan.model.description.empty() ? plan.model.title : plan.model.description,
      "--language",
      language,
      "--creator",
      creator_of(plan),
      "--publisher",
      "blogarchive",
      "--date",
      capture_date.substr(0, 10),
      "--name",
      fmt::format("{}_{}_all", name.empty() ? "blog" : name, plan.config.language),
      "--source",
      plan.config.base_url};
  report << std::flush;
  if (const int status = run(argv); status != 0) {
    throw OutputError(fmt::format("{} failed (exit status {}); '{}' was not written", kProgram,
                                  status, zim_file.string()));
  }
}

}  // namespace blogarchive::pipeline
