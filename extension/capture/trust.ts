/**
 * @module The one test of "a person did this": only events the browser itself generated may show the
 * capture button, open the dialog from it, or save. A page script can call `click()` or dispatch
 * keydown on our elements (the shadow root is open), but it cannot forge `isTrusted`.
 */

/** Decides whether an event came from the person. Components take it as a parameter so tests can stand in for the browser. */
export type TrustCheck = (event: Event) => boolean;

/** The real check: strictly `true`, so an environment without the property (or a forged object) is refused. */
export const isTrustedEvent: TrustCheck = (event) => event.isTrusted === true;
