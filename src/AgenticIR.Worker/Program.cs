using AgenticIR.Worker.Commands;

return await AgenticIrCommandLine.Build().Parse(args).InvokeAsync();
