using AppHost;

return await EnvironmentCommand.RunAsync(args, Console.Out, Console.Error);
