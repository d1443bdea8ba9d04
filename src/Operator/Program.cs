using Operator.Cli;

return await OperatorCli.RunAsync(args);
