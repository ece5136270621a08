/**
 * INRKit on Apache Spark: {@link io.inrkit.spark.InrJob} encodes, decodes and verifies archives of
 * images and audio on any Hadoop file system, one file per task, each task checking every sample of
 * what it writes. The job's options are a {@link io.inrkit.spark.JobOptions}; its outcome a
 * manifest of {@link io.inrkit.spark.ManifestRow}s and a {@link io.inrkit.spark.JobSummary}.
 * Everything else is internal.
 */
package io.inrkit.spark;
