import KafkaRESTCLI

await KafkaRESTCommand.main()
