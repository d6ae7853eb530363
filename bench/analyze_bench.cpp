// Throughput of the core: analyze() on every dev article, the whole JSON
// pipeline on the seed article, and synthetic articles from 64 KiB to 1 MiB
// (many blocks, and one single block) to show the time is linear in the text.
//
// usage: whosays_bench [--articles DIR] [benchmark flags]
// DIR defaults to $WHOSAYS_DEV_ARTICLES, then to the build's shared corpus.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "whosays/analyze.h"
#include "whosays/output.h"
#include "whosays/quantity.h"
#include "whosays/document.h"

#ifndef WHOSAYS_DEV_ARTICLES
#define WHOSAYS_DEV_ARTICLES ""
#endif

namespace {

namespace fs = std::filesystem;
using namespace whosays;

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

std::size_t text_bytes(const Document& document) {
  std::size_t bytes = 0;
  for (const Block& block : document.blocks) bytes += block.text.size();
  return bytes;
}

struct Article {
  std::string name;
  std::string json;
  Document document;
};

// Paragraphs to repeat when no corpus is at hand: written for this benchmark.
const char* const kFallbackParagraphs[] = {
    "At least 12 people were killed and dozens wounded on Sunday when shells hit the market, the regional "
    "governor said, adding that the toll could rise.",
    "The army denied it had fired on the town. \xE2\x80\x9CWe did not target civilians,\xE2\x80\x9D a spokesman, "
    "Col. Jan Nov\xC3\xA1k, told reporters.",
    "Three soldiers were reportedly missing after the attack, which officials blamed on rebel forces.",
};

// Blocks repeated in order until the text reaches `bytes`; `one_block` joins
// them into a single block of that size instead.
Document synthetic(const std::vector<std::string>& paragraphs, std::size_t bytes, bool one_block) {
  Document document;
  document.blocks.push_back({BlockKind::title, "A synthetic article"});
  std::size_t total = document.blocks[0].text.size();
  if (one_block) document.blocks.push_back({BlockKind::paragraph, ""});
  for (std::size_t i = 0; total < bytes; i = (i + 1) % paragraphs.size()) {
    const std::string& paragraph = paragraphs[i];
    if (one_block) {
      std::string& text = document.blocks.back().text;
      if (!text.empty()) text += ' ';
      text += paragraph;
      total += paragraph.size() + 1;
    } else {
      document.blocks.push_back({BlockKind::paragraph, paragraph});
      total += paragraph.size();
    }
  }
  return document;
}

void analyze_document(benchmark::State& state, const Document& document) {
  std::size_t claims = 0;
  for (auto _ : state) {
    Analysis analysis = analyze(document);
    claims = analysis.claims.size();
    benchmark::DoNotOptimize(analysis);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * text_bytes(document)));
  state.counters["claims"] = static_cast<double>(claims);
  state.counters["text_bytes"] = static_cast<double>(text_bytes(document));
}

}  // namespace

int main(int argc, char** argv) {
  // Our own flag first; the rest goes to Google Benchmark.
  std::string directory;
  if (const char* env = std::getenv("WHOSAYS_DEV_ARTICLES")) directory = env;
  if (directory.empty()) directory = WHOSAYS_DEV_ARTICLES;
  std::vector<char*> rest = {argv[0]};
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--articles") == 0 && i + 1 < argc) {
      directory = argv[++i];
    } else {
      rest.push_back(argv[i]);
    }
  }
  int rest_count = static_cast<int>(rest.size());
  benchmark::Initialize(&rest_count, rest.data());

  static std::vector<Article> articles;
  std::error_code error;
  if (!directory.empty() && fs::is_directory(directory, error)) {
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(directory)) {
      if (entry.path().extension() == ".json") files.push_back(entry.path());
    }
    std::sort(files.begin(), files.end());
    for (const fs::path& file : files) {
      Article article{file.stem().string(), read_file(file), {}};
      try {
        article.document = parse_article_json(article.json);
      } catch (const Error& failure) {
        std::fprintf(stderr, "whosays_bench: skipping %s: %s\n", file.c_str(), failure.what());
        continue;
      }
      articles.push_back(std::move(article));
    }
  }
  if (articles.empty()) {
    std::fprintf(stderr, "whosays_bench: no dev articles at '%s'; running the synthetic cases on built-in text\n",
                 directory.c_str());
  }

  static std::vector<std::string> paragraphs;
  for (const Article& article : articles) {
    for (const Block& block : article.document.blocks) {
      if (block.kind == BlockKind::paragraph && !block.text.empty()) paragraphs.push_back(block.text);
    }
  }
  if (paragraphs.empty()) paragraphs.assign(std::begin(kFallbackParagraphs), std::end(kFallbackParagraphs));

  // Every dev article, one benchmark each, and all of them in one pass.
  for (const Article& article : articles) {
    benchmark::RegisterBenchmark(("analyze/" + article.name).c_str(),
                                 [&article](benchmark::State& state) { analyze_document(state, article.document); });
  }
  if (!articles.empty()) {
    benchmark::RegisterBenchmark("analyze/all_dev_articles", [](benchmark::State& state) {
      std::size_t bytes = 0;
      for (const Article& article : articles) bytes += text_bytes(article.document);
      for (auto _ : state) {
        for (const Article& article : articles) benchmark::DoNotOptimize(analyze(article.document));
      }
      state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * bytes));
    });
    // The whole pipeline a client runs: parse, analyze, serialise.
    const Article& first = articles.front();
    benchmark::RegisterBenchmark(("analyze_article_json/" + first.name).c_str(), [&first](benchmark::State& state) {
      for (auto _ : state) benchmark::DoNotOptimize(analyze_article_json(first.json));
      state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * first.json.size()));
    });
  }

  // Synthetic articles: time per byte should stay flat as the size grows.
  for (bool one_block : {false, true}) {
    const char* name = one_block ? "synthetic_one_block" : "synthetic_blocks";
    benchmark::RegisterBenchmark(name,
                                 [one_block](benchmark::State& state) {
                                   const Document document =
                                       synthetic(paragraphs, static_cast<std::size_t>(state.range(0)), one_block);
                                   analyze_document(state, document);
                                   state.SetComplexityN(static_cast<std::int64_t>(text_bytes(document)));
                                 })
        ->RangeMultiplier(4)
        ->Range(64 << 10, 1 << 20)
        ->Unit(benchmark::kMillisecond)
        ->Complexity(benchmark::oN);
  }
  // The quantity parser alone, on number-dense text (it replaced a timed unit test).
  benchmark::RegisterBenchmark("find_quantities/number_dense",
                               [](benchmark::State& state) {
                                 const std::string unit =
                                     "at least a dozen people, between 36 and 40, from fourteen to 31, 1,000 1,000, "
                                     "hundreds of thousands sixty-six or more twenty one hundred 10-15 4:00 a.m. 1994 $5 ";
                                 std::string text;
                                 while (text.size() < static_cast<std::size_t>(state.range(0))) text += unit;
                                 for (auto _ : state) benchmark::DoNotOptimize(find_quantities(text));
                                 state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * text.size()));
                                 state.SetComplexityN(static_cast<std::int64_t>(text.size()));
                               })
      ->RangeMultiplier(4)
      ->Range(64 << 10, 1 << 20)
      ->Unit(benchmark::kMillisecond)
      ->Complexity(benchmark::oN);
  // The output layer alone on a 1 MiB article.
  benchmark::RegisterBenchmark("to_json/synthetic_1MiB", [](benchmark::State& state) {
    const Document document = synthetic(paragraphs, 1 << 20, false);
    const Analysis analysis = analyze(document);
    for (auto _ : state) benchmark::DoNotOptimize(to_json(document, analysis));
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * text_bytes(document)));
    state.counters["claims"] = static_cast<double>(analysis.claims.size());
  })->Unit(benchmark::kMillisecond);

  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
