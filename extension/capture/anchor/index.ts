/** @module Anchors for captures: describe a selection so its quote can be found again later. */
export { describeRange, selectionText } from './describe';
export { anchorAll, anchorToRange, resolveAnchor, type AnchorMethod, type Anchored } from './resolve';
