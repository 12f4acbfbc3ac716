# Multi-stage build of the agentic-ir worker.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY . .
RUN dotnet publish src/AgenticIR.Worker/AgenticIR.Worker.csproj -c Release -o /app --nologo

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
