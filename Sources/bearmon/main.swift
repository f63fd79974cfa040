import BearmonCLI

await BearmonMain.run()
