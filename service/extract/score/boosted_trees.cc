#include "service/extract/score/boosted_trees.h"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <sstream>
#include <utility>

#include "absl/status/status.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "nlohmann/json.hpp"

namespace declutter::extract {
namespace {

using Json = nlohmann::json;

absl::Status Bad(absl::string_view what) {
  return absl::InvalidArgumentError(
      absl::StrCat("tree model: ", what, "; expected an XGBoost JSON model"));
}

// `object[key]` when it is there with the right JSON type, else null.
const Json* Find(const Json& object, const char* key, Json::value_t type) {
  if (!object.is_object()) return nullptr;
  const auto it = object.find(key);
  if (it == object.end()) return nullptr;
  // Numbers: any of JSON's three number types will do.
  if (type == Json::value_t::number_float) {
    return it->is_number() ? &*it : nullptr;
  }
  return it->type() == type ? &*it : nullptr;
}

// XGBoost writes its model parameters as strings ("5E-1", "0").
bool NumberParam(const Json& params, const char* key, double* out) {
  const Json* v = Find(params, key, Json::value_t::string);
  return v != nullptr && absl::SimpleAtod(v->get<std::string>(), out);
}

// A number array of `n` entries into `out`; XGBoost writes default_left as
// 0/1 or as booleans.
template <typename T>
bool NumberArray(const Json& tree, const char* key, size_t n,
                 std::vector<T>* out) {
  const Json* a = Find(tree, key, Json::value_t::array);
  if (a == nullptr || a->size() != n) return false;
  out->clear();
  out->reserve(n);
  for (const Json& v : *a) {
    if (v.is_boolean()) {
      out->push_back(static_cast<T>(v.get<bool>()));
    } else if (v.is_number()) {
      out->push_back(v.get<T>());
    } else {
      return false;
    }
  }
  return true;
}

}  // namespace

absl::StatusOr<std::unique_ptr<BoostedTrees>> BoostedTrees::FromJson(
    absl::string_view json) {
  const Json model = Json::parse(json.begin(), json.end(), nullptr,
                                 /*allow_exceptions=*/false);
  if (model.is_discarded()) return Bad("not JSON");
  const Json* learner = Find(model, "learner", Json::value_t::object);
  if (learner == nullptr) return Bad("no \"learner\" object");
  std::unique_ptr<BoostedTrees> out(new BoostedTrees());

  const Json* names = Find(*learner, "feature_names", Json::value_t::array);
  if (names == nullptr || names->empty()) {
    return Bad("no feature names (train/ stores them with every model)");
  }
  for (const Json& name : *names) {
    if (!name.is_string()) return Bad("a feature name is not a string");
    out->names_.push_back(name.get<std::string>());
  }

  const Json* params =
      Find(*learner, "learner_model_param", Json::value_t::object);
  double base_score = 0.5;
  double num_class = 0;
  if (params == nullptr || !NumberParam(*params, "base_score", &base_score) ||
      !NumberParam(*params, "num_class", &num_class)) {
    return Bad("no base_score or num_class in learner_model_param");
  }
  const Json* objective = Find(*learner, "objective", Json::value_t::object);
  const Json* objective_name =
      objective == nullptr ? nullptr
                           : Find(*objective, "name", Json::value_t::string);
  if (objective_name == nullptr) return Bad("no objective name");
  const std::string name = objective_name->get<std::string>();
  if (name == "binary:logistic" || name == "reg:logistic") {
    out->output_ = Output::kSigmoid;
    if (!(base_score > 0 && base_score < 1)) {
      return Bad("a logistic model's base_score is outside (0, 1)");
    }
    // XGBoost keeps base_score as a probability and starts from its log-odds.
    out->base_margin_ =
        static_cast<float>(std::log(base_score / (1.0 - base_score)));
  } else if (name == "multi:softprob" || name == "multi:softmax") {
    out->output_ = Output::kSoftmax;
    if (num_class < 2 || num_class > 1000) {
      return Bad("a multi-class model with under 2 or over 1000 classes");
    }
    out->num_classes_ = static_cast<int>(num_class);
    out->base_margin_ = static_cast<float>(base_score);
  } else if (name == "reg:squarederror") {
    out->base_margin_ = static_cast<float>(base_score);
  } else {
    return Bad(absl::StrCat("objective \"", name, "\" is not one it reads"));
  }

  const Json* booster =
      Find(*learner, "gradient_booster", Json::value_t::object);
  const Json* booster_name =
      booster == nullptr ? nullptr
                         : Find(*booster, "name", Json::value_t::string);
  if (booster_name == nullptr || booster_name->get<std::string>() != "gbtree") {
    return Bad("the booster is not gbtree");
  }
  const Json* body = Find(*booster, "model", Json::value_t::object);
  const Json* trees =
      body == nullptr ? nullptr : Find(*body, "trees", Json::value_t::array);
  std::vector<int32_t> tree_info;
  if (trees == nullptr || trees->empty() ||
      !NumberArray(*body, "tree_info", trees->size(), &tree_info)) {
    return Bad("no trees, or no tree_info entry for each");
  }
  const int32_t features = static_cast<int32_t>(out->names_.size());
  size_t total_nodes = 0;
  std::vector<int32_t> left, right, split;
  std::vector<float> value;
  std::vector<int> default_left, split_type;
  for (size_t t = 0; t < trees->size(); ++t) {
    const Json& tree = (*trees)[t];
    const Json* tree_param = Find(tree, "tree_param", Json::value_t::object);
    double num_nodes = 0;
    if (tree_param == nullptr ||
        !NumberParam(*tree_param, "num_nodes", &num_nodes) || num_nodes < 1 ||
        num_nodes > (1 << 24)) {
      return Bad(absl::StrCat("tree ", t, ": no num_nodes, or out of range"));
    }
    const size_t n = static_cast<size_t>(num_nodes);
    total_nodes += n;
    if (total_nodes >= (1u << 30)) return Bad("over 2^30 nodes in all");
    if (!NumberArray(tree, "left_children", n, &left) ||
        !NumberArray(tree, "right_children", n, &right) ||
        !NumberArray(tree, "split_indices", n, &split) ||
        !NumberArray(tree, "split_conditions", n, &value) ||
        !NumberArray(tree, "default_left", n, &default_left)) {
      return Bad(
          absl::StrCat("tree ", t, ": a node array is missing or short"));
    }
    if (NumberArray(tree, "split_type", n, &split_type) &&
        std::any_of(split_type.begin(), split_type.end(),
                    [](int s) { return s != 0; })) {
      return Bad(absl::StrCat("tree ", t, ": categorical splits"));
    }
    if (tree_info[t] < 0 || tree_info[t] >= out->num_classes_) {
      return Bad(absl::StrCat("tree ", t, ": its class is out of range"));
    }
    const int32_t base = static_cast<int32_t>(out->nodes_.size());
    out->roots_.push_back(base);
    out->class_of_.push_back(tree_info[t]);
    // Depth of each node: children come after parents, so one forward pass.
    std::vector<int32_t> depth(n, 0);
    int32_t tree_depth = 0;
    for (size_t i = 0; i < n; ++i) {
      Node node;
      node.value = value[i];
      // A leaf: itself, through the always-missing padding column.
      node.feature = features;
      node.children =
          static_cast<uint32_t>(base + static_cast<int32_t>(i)) | kDefaultLeft;
      tree_depth = std::max(tree_depth, depth[i]);
      if (left[i] >= 0) {
        // Children come after their parent (XGBoost appends them when it
        // splits a leaf), so every walk moves forward and ends.
        const auto inside = [&](int32_t c) {
          return c > static_cast<int32_t>(i) && c < static_cast<int32_t>(n);
        };
        if (!inside(left[i]) || right[i] != left[i] + 1 || split[i] < 0 ||
            split[i] >= features) {
          return Bad(absl::StrCat(
              "tree ", t, ", node ", i,
              ": a child or feature index out of range, or the right child "
              "not next to the left"));
        }
        node.feature = split[i];
        node.children = static_cast<uint32_t>(base + left[i]) |
                        (default_left[i] != 0 ? kDefaultLeft : 0);
        depth[left[i]] = depth[right[i]] = depth[i] + 1;
      }
      out->nodes_.push_back(node);
    }
    out->depth_of_.push_back(tree_depth);
  }
  return out;
}

absl::StatusOr<std::unique_ptr<BoostedTrees>> BoostedTrees::FromFile(
    const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return absl::NotFoundError(absl::StrCat("cannot read ", path));
  std::ostringstream bytes;
  bytes << in.rdbuf();
  absl::StatusOr<std::unique_ptr<BoostedTrees>> model = FromJson(bytes.str());
  if (!model.ok()) {
    return absl::Status(model.status().code(),
                        absl::StrCat(path, ": ", model.status().message()));
  }
  return model;
}

absl::StatusOr<std::vector<size_t>> BoostedTrees::MapFeatures(
    const std::vector<std::string>& available) const {
  std::vector<size_t> index;
  index.reserve(names_.size());
  for (const std::string& name : names_) {
    const auto at = std::find(available.begin(), available.end(), name);
    if (at == available.end()) {
      return absl::InvalidArgumentError(absl::StrCat(
          "tree model: feature \"", name,
          "\" is not one the engine computes; retrain it with train/train.sh"));
    }
    index.push_back(static_cast<size_t>(at - available.begin()));
  }
  return index;
}

absl::StatusOr<std::vector<float>> BoostedTrees::PredictNamed(
    const std::vector<size_t>& index, size_t expected,
    const std::vector<double>& values) const {
  if (values.size() != expected) {
    return absl::InvalidArgumentError(absl::StrFormat(
        "%d feature values; expected %d", values.size(), expected));
  }
  std::vector<float> row;
  row.reserve(index.size());
  for (size_t i : index) row.push_back(static_cast<float>(values[i]));
  return Predict(row);
}

absl::StatusOr<std::vector<float>> BoostedTrees::Predict(
    absl::Span<const float> rows) const {
  const size_t cols = names_.size();
  if (rows.size() % cols != 0) {
    return absl::InvalidArgumentError(absl::StrFormat(
        "%d values are not whole rows of %d features", rows.size(), cols));
  }
  const size_t n = rows.size() / cols;
  const size_t k = static_cast<size_t>(num_classes_);
  std::vector<float> out(n * k, base_margin_);
  // The rows with one more column, always missing, that leaves read.
  const size_t width = cols + 1;
  std::vector<float> padded(n * width, std::nanf(""));
  for (size_t r = 0; r < n; ++r) {
    std::copy_n(rows.data() + r * cols, cols, padded.data() + r * width);
  }
  // Tree by tree over every row, so one tree's nodes stay in cache for the
  // page; kLanes rows walk each tree side by side, each its tree's depth in
  // steps (a leaf steps to itself), so the CPU overlaps their independent
  // chains of loads instead of waiting on one.
  constexpr size_t kLanes = 8;
  const Node* const nodes = nodes_.data();
  for (size_t t = 0; t < roots_.size(); ++t) {
    const size_t cls = static_cast<size_t>(class_of_[t]);
    const uint32_t root = static_cast<uint32_t>(roots_[t]);
    const int32_t steps = depth_of_[t];
    for (size_t r0 = 0; r0 < n; r0 += kLanes) {
      const size_t lanes = std::min(kLanes, n - r0);
      uint32_t at[kLanes];
      for (size_t l = 0; l < kLanes; ++l) at[l] = root;
      for (int32_t step = 0; step < steps; ++step) {
        for (size_t l = 0; l < lanes; ++l) {
          const Node& node = nodes[at[l]];
          const float v = padded[(r0 + l) * width + node.feature];
          const bool go_left = std::isnan(v)
                                   ? (node.children & kDefaultLeft) != 0
                                   : v < node.value;
          at[l] = (node.children & ~kDefaultLeft) + (go_left ? 0 : 1);
        }
      }
      for (size_t l = 0; l < lanes; ++l) {
        out[(r0 + l) * k + cls] += nodes[at[l]].value;
      }
    }
  }
  if (output_ == Output::kSigmoid) {
    for (float& v : out) v = 1.0f / (1.0f + std::exp(-v));
  } else if (output_ == Output::kSoftmax) {
    for (size_t r = 0; r < n; ++r) {
      float* p = out.data() + r * k;
      const float top = *std::max_element(p, p + k);
      float sum = 0;
      for (size_t c = 0; c < k; ++c) sum += p[c] = std::exp(p[c] - top);
      for (size_t c = 0; c < k; ++c) p[c] /= sum;
    }
  }
  return out;
}

}  // namespace declutter::extract
