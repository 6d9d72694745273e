#include "service/extract/score/block_labeller.h"

#include "absl/strings/str_cat.h"
#include "service/extract/blocks/boilerplate_lexicon.h"

namespace declutter::extract {

// The one maker of LabellerKey (blocks/block.h).
struct BlockLabellerAccess {
  static LabellerKey Key() { return LabellerKey(); }
};

namespace {

void Label(BlockKind kind, std::string reason, Block* b) {
  b->kind.Set(BlockLabellerAccess::Key(), kind);
  b->reason.Set(BlockLabellerAccess::Key(), std::move(reason));
}

void Clear(Block* b) {
  Label(BlockKind::kNone, "", b);
  b->kind_if_left_out.Set(BlockLabellerAccess::Key(), BlockKind::kNone);
}

// The block's own evidence, strongest last: links, then the lexicon (which
// names what the links are), then contact details (only when neither spoke).
void LabelOwnEvidence(const ScoringParams& p, Block* b) {
  const BlockEvidence& e = b->evidence;
  const BlockFeatures& f = b->features;
  if (e.link_dense) {
    Label(f.text.Weight() < p.navigation_weight ? BlockKind::kNavigation
                                                : BlockKind::kRelated,
          absl::StrCat("link density ", static_cast<int>(f.link_density * 100),
                       "%"),
          b);
  }
  if (e.lexicon != nullptr) {
    Label(e.lexicon->kind,
          absl::StrCat("lexicon: ", e.lexicon->phrase, " (", e.lexicon->note,
                       ")"),
          b);
  }
  if (e.contact_line) {
    Label(BlockKind::kContact,
          f.text.has_url ? "short line with a URL"
                         : "short line with contact details",
          b);
  }
}

const char* LeftOutReason(LeftOutBecause why) {
  switch (why) {
    case LeftOutBecause::kOutsideMainContent:
      return "outside the main content";
    case LeftOutBecause::kNoMainContent:
      return "no main content found";
    case LeftOutBecause::kTooLittleText:
      return "too little text evidence";
    case LeftOutBecause::kAfterListHeading:
      return "after a related-list heading";
    case LeftOutBecause::kInTeaserGrid:
      return "outside the main content, in a grid of teaser cards";
  }
  return "left out";
}

}  // namespace

void LabelByEvidence(const ScoringParams& params, BlockList* blocks) {
  BlockList& bs = *blocks;
  for (Block& b : bs) {
    Clear(&b);
    LabelOwnEvidence(params, &b);
    // A teaser-list item is related only if the selector leaves it out: content
    // bullet lists look the same.
    if (b.kind == BlockKind::kNone && b.evidence.teaser_run > 0) {
      b.kind_if_left_out.Set(BlockLabellerAccess::Key(), BlockKind::kRelated);
      b.reason.Set(BlockLabellerAccess::Key(),
                   absl::StrCat("teaser list (", b.evidence.teaser_run,
                                " headline-like items)"));
    }
  }
  // A list under a section heading is that section, whatever its items say.
  for (Block& b : bs) {
    if (b.evidence.listed_under < 0) continue;
    const Block& heading = bs[b.evidence.listed_under];
    Label(heading.evidence.lexicon->kind,
          absl::StrCat("listed under the heading \"", heading.text, "\""), &b);
  }
}

void LeaveOut(LeftOutBecause why, Block* b) {
  if (b->kind != BlockKind::kNone) return;
  if (why == LeftOutBecause::kAfterListHeading ||
      why == LeftOutBecause::kInTeaserGrid) {
    Label(BlockKind::kRelated, LeftOutReason(why), b);
    return;
  }
  if (b->kind_if_left_out != BlockKind::kNone) {
    b->kind.Set(BlockLabellerAccess::Key(),
                b->kind_if_left_out);  // its reason is set
    return;
  }
  Label(BlockKind::kOther, LeftOutReason(why), b);
}

void LeaveOutInContainer(BlockKind container_kind, bool inside_content,
                         Block* b) {
  const BlockKind kind =
      container_kind == BlockKind::kNone ? BlockKind::kOther : container_kind;
  Label(kind,
        absl::StrCat(inside_content ? "inside" : "outside the main content, in",
                     " a ", BlockKindName(kind),
                     " container (class/id/tag/heading evidence)"),
        b);
}

void LeaveOutAsMetadata(absl::string_view what, Block* b) {
  b->selected = false;
  Label(BlockKind::kMetadata, std::string(what), b);
}

void TakeAsContent(Block* b) {
  b->selected = true;
  Label(BlockKind::kNone, "", b);
}

}  // namespace declutter::extract
