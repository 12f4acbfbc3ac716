# Multi-stage build of the agentic-ir worker.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY . .
# ReadyToRun: our assemblies ship precompiled for the image's architecture, so a worker starts without JIT-compiling
# them first (`replay samples/alerts`: 2.26 -> 1.84 s of CPU per process, docs/benchmarks.md "CPU per alert, fifth
# pass"); hot methods are still recompiled by the tiered JIT. Framework-dependent, on the runtime image below.
ARG TARGETARCH
RUN rid="linux-$([ "$TARGETARCH" = "arm64" ] && echo arm64 || echo x64)" \
    && dotnet publish src/AgenticIR.Worker/AgenticIR.Worker.csproj -c Release -r "$rid" --self-contained false \
       -p:PublishReadyToRun=true -o /app --nologo

FROM mcr.microsoft.com/dotnet/runtime:10.0 AS runtime
WORKDIR /app
COPY --from=build /app ./
COPY config ./config
COPY mappings ./mappings
COPY connectors ./connectors
COPY samples ./samples
RUN useradd --system --uid 10001 agentic && mkdir -p /data && chown agentic /data
USER agentic
WORKDIR /data
ENV AGENTICIR_HOME=/app AGENTICIR_DB=/data/agentic-ir.db
VOLUME ["/data"]
ENTRYPOINT ["dotnet", "/app/agentic-ir.dll"]
CMD ["run", "--inbox", "/data/inbox"]
