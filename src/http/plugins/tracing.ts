// OpenTelemetry traces, on when an OTLP endpoint is configured (the standard
// OTEL_EXPORTER_OTLP_ENDPOINT or OTEL_EXPORTER_OTLP_TRACES_ENDPOINT): one span per GraphQL
// operation and phase through the Guild's envelop plugin, exported over OTLP/HTTP in batches.
//
// Never variables or results on a span: an article body can be a variable, and answers can be
// large. Resolver spans are off: the compiled read path has no resolvers, and on the ordinary
// path they would be one span per field per row.
import { useOpenTelemetry } from '@envelop/opentelemetry';
import { SpanKind } from '@opentelemetry/api';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { Resource } from '@opentelemetry/resources';
import { BasicTracerProvider, BatchSpanProcessor } from '@opentelemetry/sdk-trace-base';
import type { Plugin } from 'graphql-yoga';
import type { TracingConfig } from '../../config.ts';

export function useTracing(tracing: TracingConfig | null): Plugin[] {
  if (!tracing) return [];
  const provider = new BasicTracerProvider({
    resource: new Resource({ 'service.name': tracing.serviceName }),
    spanProcessors: [new BatchSpanProcessor(new OTLPTraceExporter({ url: tracing.tracesUrl }))],
  });
  return [
    useOpenTelemetry(
      { resolvers: false, variables: false, result: false, document: true },
      provider,
      SpanKind.SERVER,
      {},
      tracing.serviceName,
    ) as Plugin,
    // Spans still in the batch go out when the app is disposed (shutdown).
    { onDispose: () => provider.shutdown() },
  ];
}
