/**
 * Internal to INRKit, not API: what INRKit's own modules share beneath the public types of
 * inr-core (coordinate grids, the unsigned coding of samples, the segments networks cover, the
 * network size limits, the deterministic evaluation of stored networks, binary16 and bfloat16,
 * indexed parallel tasks, input reading and atomic output). No compatibility promise.
 */
package io.inrkit.core.internal;
